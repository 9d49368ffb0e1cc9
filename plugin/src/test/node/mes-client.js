"use strict";
// Independent OPC UA client (node-opcua) that checks the station server the way a MES would.
//
// node mes-client.js <endpointUrl> [--expect N] [--from ISO] [--to ISO] [--job JOBID]
//     [--user NAME --password PW]                 MES session (production); anonymous when absent (demo)
//     [--operator NAME --operator-password PW]    also try a recipe write as this operator; expect refusal
//     [--cert cert.pem --key key.pem --uri URI --pki DIR]  client certificate for SignAndEncrypt (production)
// node mes-client.js <endpointUrl> --since ISO --station STATIONID [--to ISO] [--job JOBID] [--user ... --cert ...]
//
// Live mode (no --since): prints "READY" once subscribed to ResultReady events (the official
// ResultReadyEventType, MV;i=1024) on the Server object, waits for N events, calls the spec's GetResultById and
// the station's catch-up method GetResultsInWindow (an absent --from/--to leaves that end of the window open;
// newest first; all pages), then prints one line "SUMMARY <json>" and exits 0. The summary's
// lastSeenCreationTime is the newest CreationTime among the events and the window: what an MES stores to catch
// up from later.
//
// Catch-up mode (--since ISO, e.g. a lastSeenCreationTime; --station names the station whose ResultManagement is
// asked): no subscription; pages through GetResultsInWindow(FromTime = ISO, inclusive; ToTime = --to or open;
// JobId = --job or "" for every job, so results of the jobs a restart started are included) 500 at a time until
// Matched results are fetched, then prints "SUMMARY <json>" whose catchUp holds every result (resultId, jobId,
// outcome, createdAt; newest first), the pages, Matched and any resultId the station returned twice.
// Both modes page 500 at a time; with an open --to the window is closed after the first page at its newest
// CreationTime + 1 ms, so results that arrive while paging do not shift the pages.
const {
    AttributeIds, DataType, ClientSubscription, ClientMonitoredItem, TimestampsToReturn, EventFilter,
    SimpleAttributeOperand, NodeId, promoteOpaqueStructure, getExtraDataTypeManager
} = require("node-opcua");
const { MV, parseArgs, connect, identity, run, collectEvents } = require("./common");

const STATION_NS = "urn:aoi:station";
const FIELDS = ["IsPartial", "ResultState", "InternalRecipeId", "InternalConfigurationId", "JobId", "ResultId",
    "CreationTime", "ProcessingTimes", "ResultContent"];

/** Decodes the MachineVision structures in these Variants (in place) from the server's DataTypeDefinitions. */
async function decode(session, variants) {
    await promoteOpaqueStructure(session, variants.map(v => ({ value: v })));
    return variants;
}

function resultContentJson(v) {
    // ResultContent is BaseDataType[]: one String holding the station's JSON
    const first = v && v.value && v.value.length ? v.value[0] : null;
    return first && first.value !== undefined ? first.value : first;
}

/** One GetResultsInWindow call; a null from/to is an open end. Results are the parsed ResultContent JSON. */
async function resultsInWindow(session, rm, from, to, job, startIndex, maxResults) {
    const list = await session.call({
        objectId: rm, methodId: rm + "/GetResultsInWindow",
        inputArguments: [
            { dataType: DataType.DateTime, value: from },
            { dataType: DataType.DateTime, value: to },
            { dataType: DataType.String, value: job || "" },
            { dataType: DataType.String, value: "" },
            { dataType: DataType.UInt32, value: startIndex },
            { dataType: DataType.UInt32, value: maxResults }
        ]
    });
    return {
        status: list.statusCode.name,
        matched: list.outputArguments.length > 1 ? list.outputArguments[1].value : null,
        results: list.outputArguments.length > 0 && list.outputArguments[0].value
            ? Array.from(list.outputArguments[0].value).map(s => JSON.parse(s)) : []
    };
}

function isoTime(text, option) {
    const t = new Date(text);
    if (isNaN(t.getTime())) throw new Error(option + " " + text + " is not an ISO-8601 time");
    return t;
}

/**
 * Every result GetResultsInWindow holds for [from, to] (null: open end) of one job ("" for all), newest first,
 * paged 500 at a time until Matched are fetched. An open `to` is closed after the first page at its newest
 * CreationTime + 1 ms, so results that arrive while paging do not shift the pages.
 */
async function allResultsInWindow(session, rm, from, to, job) {
    const out = { status: "Good", matched: 0, pages: 0, to: null, results: [], duplicates: [] };
    const ids = new Set();
    for (let start = 0; ; ) {
        const page = await resultsInWindow(session, rm, from, to, job, start, 500);
        out.pages++;
        out.status = page.status;
        if (page.status !== "Good") break;
        if (to === null && page.results.length) {
            to = new Date(new Date(page.results[0].createdAt).getTime() + 1);
        }
        if (start === 0) out.matched = page.matched;
        for (const r of page.results) {
            if (ids.has(r.resultId)) out.duplicates.push(r.resultId);
            ids.add(r.resultId);
            out.results.push(r);
        }
        start += page.results.length;
        if (page.results.length === 0 || start >= out.matched) break;
    }
    out.to = to ? to.toISOString() : null;
    return out;
}

/** Catch-up mode: every stored result created at or after --since, all jobs unless --job. */
async function catchUp(client, args) {
    if (!args.station) throw new Error("--since needs --station STATIONID (the station whose results to fetch)");
    const from = isoTime(args.since, "--since");
    const to = args.to ? isoTime(args.to, "--to") : null;
    const session = await client.createSession(identity(args.user, args.password));
    try {
        const nsArray = (await session.read({ nodeId: "ns=0;i=2255", attributeId: AttributeIds.Value })).value.value;
        const rm = "ns=" + nsArray.indexOf(STATION_NS) + ";s=" + args.station + "/ResultManagement";
        const w = await allResultsInWindow(session, rm, from, to, args.job);
        return { catchUp: { since: args.since, to: w.to, status: w.status, matched: w.matched, pages: w.pages,
            duplicates: w.duplicates,
            results: w.results.map(r => ({ resultId: r.resultId, jobId: r.jobId, outcome: r.outcome,
                createdAt: r.createdAt })) } };
    } finally {
        await session.close();
    }
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const client = await connect(args, "aoi-mes-check");
    if (args.since) {
        try {
            console.log("SUMMARY " + JSON.stringify(await catchUp(client, args)));
        } finally {
            await client.disconnect();
        }
        return;
    }
    const summary = { events: [], contentParsed: 0, missingFields: [] };
    try {
        const session = await client.createSession(identity(args.user, args.password));
        await getExtraDataTypeManager(session);
        const nsArray = (await session.read({ nodeId: "ns=0;i=2255", attributeId: AttributeIds.Value })).value.value;
        const mv = nsArray.indexOf(MV);
        const st = nsArray.indexOf(STATION_NS);
        summary.namespaceIndex = mv;
        const eventType = new NodeId(NodeId.NodeIdType.NUMERIC, 1024, mv);

        const subscription = ClientSubscription.create(session, {
            requestedPublishingInterval: 50, requestedMaxKeepAliveCount: 20, requestedLifetimeCount: 600,
            maxNotificationsPerPublish: 1000, publishingEnabled: true, priority: 1
        });
        const select = ["EventId", "Time", "SourceNode"].map(f => new SimpleAttributeOperand({
            typeDefinitionId: "ns=0;i=2041", browsePath: [{ namespaceIndex: 0, name: f }],
            attributeId: AttributeIds.Value
        })).concat(FIELDS.map(f => new SimpleAttributeOperand({
            typeDefinitionId: eventType, browsePath: [{ namespaceIndex: mv, name: f }], attributeId: AttributeIds.Value
        })));
        const filter = new EventFilter({ selectClauses: select });
        const item = ClientMonitoredItem.create(subscription,
            { nodeId: "ns=0;i=2253", attributeId: AttributeIds.EventNotifier },
            { samplingInterval: 0, discardOldest: false, queueSize: 1000, filter },
            TimestampsToReturn.Neither);
        const received = await collectEvents(item, args.expect);
        for (const fields of received) {
            await decode(session, fields);
            const ev = {};
            FIELDS.forEach((f, i) => {
                const v = fields[3 + i];
                if (!v || v.value === null || v.value === undefined) summary.missingFields.push(f);
                ev[f] = v ? v.value : null;
            });
            let content = null;
            try {
                content = JSON.parse(resultContentJson(fields[3 + FIELDS.indexOf("ResultContent")]));
                summary.contentParsed++;
            } catch (e) {
                content = null;
            }
            summary.events.push({
                resultId: ev.ResultId && ev.ResultId.id, resultState: ev.ResultState, jobId: ev.JobId && ev.JobId.id,
                internalRecipeId: ev.InternalRecipeId && ev.InternalRecipeId.id,
                internalConfigurationId: ev.InternalConfigurationId && ev.InternalConfigurationId.id,
                isPartial: ev.IsPartial, creationTime: ev.CreationTime ? ev.CreationTime.toISOString() : null,
                processingDurationMillis: ev.ProcessingTimes ? ev.ProcessingTimes.processingDuration : null,
                content
            });
        }

        const firstId = summary.events[0].resultId;
        // ResultId is <stationId>-<jobId>-<frameId>; station ids may contain dashes themselves
        const station = firstId.substring(0, firstId.lastIndexOf("-" + summary.events[0].jobId + "-"));
        const rm = "ns=" + st + ";s=" + station + "/ResultManagement";
        const resultId = await session.constructExtensionObject(new NodeId(NodeId.NodeIdType.NUMERIC, 3021, mv),
            { id: firstId });
        const byId = await session.call({
            objectId: rm, methodId: rm + "/GetResultById",
            inputArguments: [{ dataType: DataType.ExtensionObject, value: resultId },
                { dataType: DataType.Int32, value: 1000 }]
        });
        const result = byId.outputArguments.length > 1 ? byId.outputArguments[1].value : null;
        summary.getResultById = {
            status: byId.statusCode.name,
            error: byId.outputArguments.length > 2 ? byId.outputArguments[2].value : null,
            resultId: result && result.resultId ? result.resultId.id : null,
            result: result && result.resultContent ? JSON.parse(resultContentJson({ value: result.resultContent }))
                : null
        };
        // the station's catch-up: an absent --from/--to is an open end of the window (null DateTime)
        const list = await allResultsInWindow(session, rm, args.from ? isoTime(args.from, "--from") : null,
            args.to ? isoTime(args.to, "--to") : null, args.job);
        summary.getResultsInWindow = {
            status: list.status, matched: list.matched, pages: list.pages, resultIds: list.results.map(r => r.resultId)
        };
        // the newest CreationTime this client has seen, as an MES stores it to catch up from (--since)
        const seen = summary.events.map(e => e.creationTime).concat(list.results.map(r => r.createdAt))
            .filter(t => t);
        summary.lastSeenCreationTime = seen.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), seen[0]);
        await subscription.terminate();
        await session.close();

        if (args.operator) {
            const op = await client.createSession(identity(args.operator, args["operator-password"]));
            const write = await op.write({
                nodeId: "ns=" + st + ";s=" + station + "/RecipeManagement/DeblurIterations",
                attributeId: AttributeIds.Value,
                value: { value: { dataType: DataType.Int32, value: 1 } }
            });
            summary.operatorWrite = write.name;
            const call = await op.call({
                objectId: rm, methodId: rm + "/GetResultById",
                inputArguments: [{ dataType: DataType.ExtensionObject, value: resultId },
                    { dataType: DataType.Int32, value: 1000 }]
            });
            summary.operatorGetResultById = call.statusCode.name;
            await op.close();
        }
    } finally {
        await client.disconnect();
    }
    console.log("SUMMARY " + JSON.stringify(summary));
}

run(main);
