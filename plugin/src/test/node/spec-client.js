"use strict";
// Independent OPC 40100 check (node-opcua): knows only the official MachineVision NodeSet, which it loads from the
// node-opcua-nodesets package (not from the server), and uses only official NodeIds and browse names.
//
// node spec-client.js <endpointUrl> [--expect N] [--user NAME --password PW] [--cert ... --key ... --uri ... --pki ...]
//
// 1. Finds the VisionSystem instance under Objects by its type MV;i=1003.
// 2. Walks the NodeSet's VisionSystemType: every mandatory member (and the mandatory members of the optional parts
//    the station implements: RecipeManagement, ResultManagement, AutomaticModeStateMachine) must be found on the
//    instance by browse path; every method's InputArguments/OutputArguments must equal the NodeSet's.
// 3. Subscribes to ResultReady through MV;i=1024 on the Server object, prints READY, waits for N events and decodes
//    their structures.
// 4. Calls every mandatory method with the spec's arguments.
// Prints one line "SUMMARY <json>".
const {
    AttributeIds, DataType, ClientSubscription, ClientMonitoredItem, TimestampsToReturn, EventFilter,
    SimpleAttributeOperand, NodeId, BrowsePath, BrowseDirection, promoteOpaqueStructure, getExtraDataTypeManager,
    AddressSpace, generateAddressSpace, nodesets
} = require("node-opcua");
const { MV, parseArgs, connect, identity, run, collectEvents } = require("./common");

/** Optional parts of VisionSystemType the station says it implements (their mandatory members are checked too). */
const IMPLEMENTED_OPTIONAL = new Set(["RecipeManagement", "ResultManagement",
    "VisionStateMachine/AutomaticModeStateMachine", "VisionStateMachine/SelectModeAutomatic",
    "ResultManagement/ReleaseResultHandle"]);
const BASE_TYPES = new Set(["ns=0;i=58", "ns=0;i=62", "ns=0;i=63", "ns=0;i=68"]);

function children(node) {
    return node.getComponents().concat(node.getProperties());
}

/** The instance declarations below a declaration (its own first) and of its type and supertypes, by browse name. */
function members(decl, type) {
    const out = new Map();
    const add = (n) => children(n).forEach(c => {
        const key = c.browseName.toString();
        if (!out.has(key)) out.set(key, c);
    });
    if (decl) add(decl);
    for (let t = type; t && !BASE_TYPES.has(t.nodeId.toString()); t = t.subtypeOfObj) add(t);
    return Array.from(out.values());
}

/** Every member the instance must have: [{path: [{uri, name}], relPath, declaration}]. */
function required(localNs, decl, type, prefix, relPrefix, out, depth) {
    if (depth > 6) return;
    for (const c of members(decl, type)) {
        const rule = c.modellingRule;
        const rel = relPrefix ? relPrefix + "/" + c.browseName.name : c.browseName.name;
        if (!(rule === "Mandatory" || (rule === "Optional" && IMPLEMENTED_OPTIONAL.has(rel)))) continue;
        const path = prefix.concat([{ uri: localNs[c.browseName.namespaceIndex], name: c.browseName.name }]);
        out.push({ path, rel, declaration: c });
        required(localNs, c, c.typeDefinitionObj, path, rel, out, depth + 1);
    }
    return out;
}

function argumentsOf(values, localNs, serverNs) {
    return (values || []).map(a => {
        const dt = a.dataType;
        const uri = localNs ? localNs[dt.namespace] : null;
        return {
            name: a.name, valueRank: a.valueRank,
            dataType: (uri === undefined || uri === null ? serverNs[dt.namespace] : uri) + "#" + dt.value
        };
    });
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const addressSpace = AddressSpace.create();
    await generateAddressSpace(addressSpace, [nodesets.standard, nodesets.machineVision]);
    const localNs = addressSpace.getNamespaceArray().map(n => n.namespaceUri);
    const localMv = localNs.indexOf(MV);
    const vsType = addressSpace.findNode("ns=" + localMv + ";i=1003");

    const client = await connect(args, "aoi-spec-check");
    const summary = { missing: [], signatureMismatches: [], checkedMembers: 0, checkedMethods: 0, events: [],
        calls: {} };
    try {
        const session = await client.createSession(identity(args.user, args.password));
        await getExtraDataTypeManager(session);
        const serverNs = (await session.read({ nodeId: "ns=0;i=2255", attributeId: AttributeIds.Value })).value.value;
        const mv = serverNs.indexOf(MV);
        const mvId = (i) => new NodeId(NodeId.NodeIdType.NUMERIC, i, mv);

        // 1. the instance, found by its official type
        const objects = await session.browse({ nodeId: "ns=0;i=85", browseDirection: BrowseDirection.Forward,
            referenceTypeId: "HierarchicalReferences", includeSubtypes: true, resultMask: 63 });
        const vsRef = objects.references.find(r => r.typeDefinition.toString() === mvId(1003).toString());
        if (!vsRef) throw new Error("no object of type MV;i=1003 (VisionSystemType) under Objects");
        const vs = vsRef.nodeId;
        summary.visionSystem = vsRef.browseName.name;

        // 2. every required member by browse path; methods' arguments as in the NodeSet
        const need = required(localNs, null, vsType, [], "", [], 0);
        const paths = need.map(m => new BrowsePath({ startingNode: vs, relativePath: { elements: m.path.map(p => ({
            referenceTypeId: "ns=0;i=33", isInverse: false, includeSubtypes: true,
            targetName: { namespaceIndex: serverNs.indexOf(p.uri), name: p.name } })) } }));
        const found = await session.translateBrowsePath(paths);
        const nodeByPath = {};
        for (let i = 0; i < need.length; i++) {
            summary.checkedMembers++;
            if (!found[i].statusCode.isGood() || !found[i].targets || found[i].targets.length === 0) {
                summary.missing.push(need[i].rel);
                continue;
            }
            nodeByPath[need[i].rel] = found[i].targets[0].targetId.toString();
        }
        for (const m of need) {
            if (m.declaration.nodeClass !== 4 /* Method */ || !nodeByPath[m.rel]) continue;
            summary.checkedMethods++;
            for (const kind of ["InputArguments", "OutputArguments"]) {
                const declared = m.declaration.getPropertyByName(kind);
                const expected = argumentsOf(declared ? declared.readValue().value.value : [], localNs, serverNs);
                const propId = nodeByPath[m.rel + "/" + kind];
                let actual = [];
                if (propId) {
                    const dv = await session.read({ nodeId: propId, attributeId: AttributeIds.Value });
                    actual = argumentsOf(dv.value.value, null, serverNs);
                }
                if (JSON.stringify(expected) !== JSON.stringify(actual)) {
                    summary.signatureMismatches.push({ method: m.rel, kind, expected, actual });
                }
            }
        }

        // 3. ResultReady through the official event type
        const fields = ["ResultId", "JobId", "ResultState", "IsPartial", "InternalRecipeId", "InternalConfigurationId",
            "CreationTime", "ProcessingTimes", "ResultContent"];
        const subscription = ClientSubscription.create(session, {
            requestedPublishingInterval: 50, requestedMaxKeepAliveCount: 20, requestedLifetimeCount: 600,
            maxNotificationsPerPublish: 1000, publishingEnabled: true, priority: 1
        });
        const filter = new EventFilter({ selectClauses: fields.map(f => new SimpleAttributeOperand({
            typeDefinitionId: mvId(1024), browsePath: [{ namespaceIndex: mv, name: f }],
            attributeId: AttributeIds.Value })) });
        const item = ClientMonitoredItem.create(subscription,
            { nodeId: "ns=0;i=2253", attributeId: AttributeIds.EventNotifier },
            { samplingInterval: 0, discardOldest: false, queueSize: 1000, filter }, TimestampsToReturn.Neither);
        const received = await collectEvents(item, args.expect);
        for (const v of received) {
            await promoteOpaqueStructure(session, v.map(x => ({ value: x })));
            const e = {};
            fields.forEach((f, i) => { e[f] = v[i].value; });
            summary.events.push({
                resultId: e.ResultId && e.ResultId.id, jobId: e.JobId && e.JobId.id, resultState: e.ResultState,
                internalRecipeId: e.InternalRecipeId && e.InternalRecipeId.id,
                internalConfigurationId: e.InternalConfigurationId && e.InternalConfigurationId.id,
                processingEnd: e.ProcessingTimes && e.ProcessingTimes.endTime ? e.ProcessingTimes.endTime.toISOString()
                    : null,
                contentIsJson: (() => { try { JSON.parse(e.ResultContent[0].value); return true; } catch (x) { return false; } })()
            });
        }
        await subscription.terminate();

        // 4. every mandatory method with the spec's arguments
        const construct = (dt, fieldsObj) => session.constructExtensionObject(mvId(dt), fieldsObj);
        const nul = { dataType: DataType.ExtensionObject, value: null };
        const ext = async (dt, id) => ({ dataType: DataType.ExtensionObject, value: await construct(dt, { id }) });
        const i32 = (v) => ({ dataType: DataType.Int32, value: v });
        const u32 = (v) => ({ dataType: DataType.UInt32, value: v });
        const call = async (name, path, inputArguments) => {
            const object = path.substring(0, path.lastIndexOf("/"));
            const r = await session.call({ objectId: nodeByPath[object], methodId: nodeByPath[path], inputArguments });
            if (r.outputArguments && r.outputArguments.length) {
                await promoteOpaqueStructure(session, r.outputArguments.map(x => ({ value: x })));
            }
            const outs = (r.outputArguments || []).map(o => o.value);
            summary.calls[name] = { status: r.statusCode.name, error: outs.length ? outs[outs.length - 1] : null };
            return outs;
        };
        const firstId = summary.events[0].resultId;
        const byId = await call("GetResultById", "ResultManagement/GetResultById",
            [await ext(3021, firstId), i32(1000)]);
        summary.calls.GetResultById.resultId = byId[1] && byId[1].resultId ? byId[1].resultId.id : null;
        summary.calls.GetResultById.jobId = byId[1] && byId[1].jobId ? byId[1].jobId.id : null;
        const parts = await call("GetResultComponentsById", "ResultManagement/GetResultComponentsById",
            [await ext(3021, firstId), i32(1000)]);
        summary.calls.GetResultComponentsById.internalRecipeId = parts[8] ? parts[8].id : null;
        const list = await call("GetResultListFiltered", "ResultManagement/GetResultListFiltered",
            [i32(0), nul, nul, nul, nul, nul, nul, nul, await ext(3016, summary.events[0].jobId), u32(0), u32(0),
                i32(1000)]);
        summary.calls.GetResultListFiltered.resultIds = (list[3] || []).map(r => r.resultId.id);
        await call("ReleaseResultHandle", "ResultManagement/ReleaseResultHandle", [u32(byId[0])]);

        const recipes = await call("GetRecipeListFiltered", "RecipeManagement/GetRecipeListFiltered",
            [nul, nul, i32(2), u32(0), u32(0), i32(1000)]);
        const names = (recipes[3] || []).map(r => r.id);
        summary.calls.GetRecipeListFiltered.recipes = names;
        await call("UnprepareRecipe", "RecipeManagement/UnprepareRecipe", [nul, await ext(3013, names[0])]);
        const prep = await call("PrepareRecipe", "RecipeManagement/PrepareRecipe", [nul, await ext(3013, names[0])]);
        summary.calls.PrepareRecipe.internalIdOut = prep[0] ? prep[0].id : null;

        const cause = [i32(0), { dataType: DataType.String, value: "check" }];
        const start = [nul, nul, nul, nul, { dataType: DataType.Variant, arrayType: 1 /* Array */, value: [] }];
        const auto = "VisionStateMachine/AutomaticModeStateMachine/";
        await call("SelectModeAutomatic", "VisionStateMachine/SelectModeAutomatic", []);
        const single = await call("StartSingleJob", auto + "StartSingleJob", start);
        summary.calls.StartSingleJob.jobId = single[0] ? single[0].id : null;
        await call("Abort", auto + "Abort", cause);
        await call("StartContinuous", auto + "StartContinuous", start);
        await call("Stop", auto + "Stop", cause);
        await call("Halt", "VisionStateMachine/Halt", [i32(7), { dataType: DataType.String, value: "check" }]);
        await call("Reset", "VisionStateMachine/Reset", cause);
        const state = await session.read({ nodeId: nodeByPath["VisionStateMachine/CurrentState"],
            attributeId: AttributeIds.Value });
        summary.finalState = state.value.value.text;
        await session.close();
    } finally {
        await client.disconnect();
    }
    console.log("SUMMARY " + JSON.stringify(summary));
}

run(main);
