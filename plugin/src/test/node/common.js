"use strict";
// Connection helpers shared by the node-opcua check clients.
const path = require("path");
const {
    OPCUAClient, OPCUACertificateManager, MessageSecurityMode, SecurityPolicy, UserTokenType
} = require("node-opcua");

const MV = "http://opcfoundation.org/UA/MachineVision";

function parseArgs(argv) {
    const out = { endpoint: argv[0], expect: 1 };
    for (let i = 1; i < argv.length; i += 2) {
        out[argv[i].replace(/^--/, "")] = argv[i + 1];
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

/** Connects with SignAndEncrypt when --cert is given (production profile), else without security (demo). */
async function connect(args, applicationName) {
    const secure = !!args.cert;
    const options = {
        applicationName,
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

/**
 * Waits until the event monitored item is set up, prints READY (the test starts the station's frames then), and
 * returns the first `expect` events it reports, each as its list of selected fields.
 */
async function collectEvents(item, expect) {
    const received = [];
    const done = new Promise((resolve) => item.on("changed", (fields) => {
        received.push(fields);
        if (received.length >= expect) resolve();
    }));
    await withTimeout(new Promise((resolve, reject) => {
        item.on("initialized", resolve);
        item.on("err", (m) => reject(new Error(m)));
    }), 15000, "monitored item");
    console.log("READY");
    await withTimeout(done, 30000, "events");
    return received;
}

/** Runs main, prints "FAILED <stack>" and exits 2 on an error, exits 0 otherwise. */
function run(main) {
    main().then(() => process.exit(0), (err) => {
        console.log("FAILED " + (err && err.stack ? err.stack : err));
        process.exit(2);
    });
}

module.exports = { MV, parseArgs, withTimeout, connect, identity, run, collectEvents };
