"use strict";
// Independent OPC UA client (node-opcua) that checks the station server the way a MES would.
//
// node mes-client.js <endpointUrl> [--expect N] [--from ISO] [--to ISO]
//     [--user NAME --password PW]                 MES session (production); anonymous when absent (demo)
//     [--operator NAME --operator-password PW]    also try a recipe write as this operator; expect refusal
//     [--cert cert.pem --key key.pem --uri URI --pki DIR]  client certificate for SignAndEncrypt (production)
//
// Prints "READY" once subscribed to ResultReady events on the Server object, waits for N events, calls
// GetResultById and GetResultListFiltered, then prints one line "SUMMARY <json>" and exits 0.
const path = require("path");
const {
    OPCUAClient, OPCUACertificateManager, MessageSecurityMode, SecurityPolicy, AttributeIds, DataType,
    ClientSubscription, ClientMonitoredItem, TimestampsToReturn, constructEventFilter, UserTokenType
} = require("node-opcua");

const MV = "http://opcfoundation.org/UA/MachineVision";
const FIELDS = ["IsPartial", "ResultState", "InternalRecipeId", "InternalConfigurationId", "JobId", "ResultId",
    "CreationTime", "ProcessingTimes", "ResultContent"];

function parseArgs(argv) {
    const out = { endpoint: argv[0], expect: 1 };
    for (let i = 1; i < argv.length; i += 2) {
        const key = argv[i].replace(/^--/, "");
        out[key] = argv[i + 1];
    }
    out.expect = parseInt(out.expect, 10);
    return out;
}

function withTimeout(promise, ms, what) {
    let timer;
    return Promise.race([
        promise.finally(() => clearTimeout(timer)),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error("timeout: " + what)), ms); })
    ]);
}

async function connect(args) {
    const secure = !!args.cert;
    const options = {
        applicationName: "aoi-mes-check",
        endpointMustExist: false,
        connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
        securityMode: secure ? MessageSecurityMode.SignAndEncrypt : MessageSecurityMode.None,
        securityPolicy: secure ? SecurityPolicy.Basic256Sha256 : SecurityPolicy.None
    };
    if (secure) {
        const certificateManager = new OPCUACertificateManager({
            rootFolder: path.resolve(args.pki),
            automaticallyAcceptUnknownCertificate: true
        });
        await certificateManager.initialize();
        options.applicationUri = args.uri;
        options.certificateFile = path.resolve(args.cert);
        options.privateKeyFile = path.resolve(args.key);
        options.clientCertificateManager = certificateManager;
    }
    const client = OPCUAClient.create(options);
    await withTimeout(client.connect(args.endpoint), 30000, "connect");
    return client;
}

function identity(user, password) {
    return user ? { type: UserTokenType.UserName, userName: user, password } : { type: UserTokenType.Anonymous };
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const client = await connect(args);
    const summary = { events: [], contentParsed: 0, missingFields: [] };
    try {
        const session = await client.createSession(identity(args.user, args.password));
        const nsArray = (await session.read({ nodeId: "ns=0;i=2255", attributeId: AttributeIds.Value })).value.value;
        const ns = nsArray.indexOf(MV);
        summary.namespaceIndex = ns;

        const subscription = ClientSubscription.create(session, {
            requestedPublishingInterval: 50, requestedMaxKeepAliveCount: 20, requestedLifetimeCount: 600,
            maxNotificationsPerPublish: 1000, publishingEnabled: true, priority: 1
        });
        const filter = constructEventFilter(["EventId", "Time", "SourceNode"].concat(FIELDS.map(f => ns + ":" + f)));
        const item = ClientMonitoredItem.create(subscription,
            { nodeId: "ns=0;i=2253", attributeId: AttributeIds.EventNotifier },
            { samplingInterval: 0, discardOldest: false, queueSize: 1000, filter },
            TimestampsToReturn.Neither);
        const done = new Promise((resolve) => {
            item.on("changed", (fields) => {
                const values = fields.map(v => v.value);
                const ev = {};
                FIELDS.forEach((f, i) => {
                    const v = values[3 + i];
                    if (v === null || v === undefined) summary.missingFields.push(f);
                    ev[f] = v;
                });
                let content = null;
                try {
                    content = JSON.parse(ev.ResultContent);
                    summary.contentParsed++;
                } catch (e) {
                    content = null;
                }
                summary.events.push({
                    resultId: ev.ResultId, resultState: ev.ResultState, jobId: ev.JobId,
                    internalRecipeId: ev.InternalRecipeId, internalConfigurationId: ev.InternalConfigurationId,
                    isPartial: ev.IsPartial, creationTime: ev.CreationTime ? ev.CreationTime.toISOString() : null,
                    processingTimes: ev.ProcessingTimes ? Array.from(ev.ProcessingTimes) : null,
                    content
                });
                if (summary.events.length >= args.expect) resolve();
            });
        });
        await withTimeout(new Promise((resolve, reject) => {
            item.on("initialized", resolve);
            item.on("err", (m) => reject(new Error(m)));
        }), 15000, "monitored item");
        console.log("READY");
        await withTimeout(done, 30000, "events");

        const firstId = summary.events[0].resultId;
        // ResultId is <stationId>-<jobId>-<frameId>; station ids may contain dashes themselves
        const station = firstId.substring(0, firstId.lastIndexOf("-" + summary.events[0].jobId + "-"));
        const rm = "ns=" + ns + ";s=" + station + "/ResultManagement";
        const byId = await session.call({
            objectId: rm, methodId: rm + "/GetResultById",
            inputArguments: [{ dataType: DataType.String, value: firstId }]
        });
        summary.getResultById = {
            status: byId.statusCode.name,
            error: byId.outputArguments.length > 1 ? byId.outputArguments[1].value : null,
            result: byId.outputArguments.length > 0 && byId.outputArguments[0].value
                ? JSON.parse(byId.outputArguments[0].value) : null
        };
        const list = await session.call({
            objectId: rm, methodId: rm + "/GetResultListFiltered",
            inputArguments: [
                { dataType: DataType.DateTime, value: new Date(args.from) },
                { dataType: DataType.DateTime, value: new Date(args.to) },
                { dataType: DataType.String, value: "" },
                { dataType: DataType.Int32, value: 500 }
            ]
        });
        summary.getResultListFiltered = {
            status: list.statusCode.name,
            resultIds: list.outputArguments.length > 0 && list.outputArguments[0].value
                ? Array.from(list.outputArguments[0].value).map(s => JSON.parse(s).resultId) : []
        };
        await subscription.terminate();
        await session.close();

        if (args.operator) {
            const op = await client.createSession(identity(args.operator, args["operator-password"]));
            const write = await op.write({
                nodeId: "ns=" + ns + ";s=" + station + "/RecipeManagement/DeblurIterations",
                attributeId: AttributeIds.Value,
                value: { value: { dataType: DataType.Int32, value: 1 } }
            });
            summary.operatorWrite = write.name;
            const call = await op.call({
                objectId: rm, methodId: rm + "/GetResultById",
                inputArguments: [{ dataType: DataType.String, value: firstId }]
            });
            summary.operatorGetResultById = call.statusCode.name;
            await op.close();
        }
    } finally {
        await client.disconnect();
    }
    console.log("SUMMARY " + JSON.stringify(summary));
}

main().then(() => process.exit(0), (err) => {
    console.log("FAILED " + (err && err.stack ? err.stack : err));
    process.exit(2);
});
