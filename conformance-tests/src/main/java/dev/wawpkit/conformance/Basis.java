package dev.wawpkit.conformance;

/**
 * Says what a checked fact rests on, as the specification marks it. Against a Wawp mock every check is enforced;
 * against any other target a DECIDED check that does not hold is reported as "differs from the mock's choice".
 */
public enum Basis {
    /** Stated by Wawp's own documentation. */
    DOC,
    /** What Wawp's official clients send or read. */
    CLIENT,
    /** The documentation is silent; the mock's own choice. */
    DECIDED
}
