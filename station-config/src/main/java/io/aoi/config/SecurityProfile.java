package io.aoi.config;

/** OPC UA security of the embedded server. */
public enum SecurityProfile {
    /** SecurityPolicy None, anonymous access, loopback only. For demonstrations and tests. */
    DEMO,
    /** Basic256Sha256 SignAndEncrypt, user names with hashed passwords, trusted client certificates only. */
    PRODUCTION
}
