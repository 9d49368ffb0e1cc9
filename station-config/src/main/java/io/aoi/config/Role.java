package io.aoi.config;

/** What an OPC UA user may do. */
public enum Role {
    /** Reads and subscribes. */
    OPERATOR,
    /** Reads, subscribes and calls the result methods. */
    MES,
    /** Everything an operator may, plus changing recipes and iterations. */
    ENGINEER
}
