package dev.wawpkit.mock.junit5;

/** Says how long one mock server lives, and so which tests share it. */
public enum ServerScope {
    /** One server per test class (the default); its tests run one after another against it. */
    CLASS,
    /** A fresh server for every test method. */
    METHOD,
    /**
     * One server for the whole test run, shared by every class that asks for it, including classes
     * running in parallel; each test still sees only its own token's sessions, faults and calls.
     */
    SHARED
}
