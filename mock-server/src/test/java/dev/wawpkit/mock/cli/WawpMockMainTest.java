package dev.wawpkit.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.mock.WawpMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The command line's options, errors and exit codes, run in-process. */
class WawpMockMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return WawpMockMain.commandLine(env, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void helpListsEveryOptionAndExitsZero() {
        int code = run(Map.of(), "--help");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("--port", "--bind", "--token", "--quota", "--boot-delay", "WAWP_MOCK_TOKENS");
    }

    /**
     * Every option that takes a value, given a bad one: the one line on stderr names that option, says
     * what it expects and what came, and the exit code is the documented one (2 for a bad option, 1
     * when the server cannot start with it).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--port abc                                   | 2 | --port         | is not an int                       | 'abc'",
                "--port 70000                                 | 2 | --port         | Expected a port from 0 to 65535     | 70000",
                "--port 0 --bind 192.0.2.1 --admin-token adm-token-1 | 1 | --bind | expects an address of this machine | 192.0.2.1",
                "--port 0 --token a\u00e9b                   | 2 | --token        | Expected a token of printable ASCII | 3 characters",
                "--port 0 --quota abc                         | 2 | --quota        | is not an int                       | 'abc'",
                "--port 0 --quota -1                          | 2 | --quota        | Expected a quota of 0 or more       | -1",
                "--port 0 --boot-delay soon                   | 2 | --boot-delay   | expects a duration like 500ms       | 'soon'",
                "--port 0 --qr-rotation soon                  | 2 | --qr-rotation  | expects a duration like 500ms       | 'soon'",
                "--port 0 --qr-rotation 0s                    | 2 | --qr-rotation  | expects a period above 0            | '0s'",
                "--port 0 --state-file /proc/wawp-no-such-dir/state.json | 1 | --state-file | in a folder this user can create files in | /proc/wawp-no-such-dir",
                "--port 0 --observed /proc/wawp-no-such-dir   | 2 | --observed     | Expected a directory                | /proc/wawp-no-such-dir",
                "--port 0 --max-sessions abc                  | 2 | --max-sessions | is not an int                       | 'abc'",
                "--port 0 --max-sessions 0                    | 2 | --max-sessions | Expected a session limit of 1       | 0",
                "--port 0 --admin-token short                 | 2 | --admin-token  | Expected an admin token of at least 8 | 5 characters",
                "--port 0 --cors-origins ftp://x              | 2 | --cors-origins | Expected origins like               | 'ftp://x'",
                "--port 0 --journal-size abc                  | 2 | --journal-size | is not an int                       | 'abc'",
                "--port 0 --journal-size 0                    | 2 | --journal-size | expects 1 or more requests per token | 0",
                "--port 0 --journal-cap abc                   | 2 | --journal-cap  | is not an int                       | 'abc'",
                "--port 0 --journal-cap 0                     | 2 | --journal-cap  | Expected a journal of 1 or more     | 0 in all",
                "--port 0 --journal-size 50 --journal-cap 10  | 2 | --journal-cap  | Expected a journal of 1 or more     | 10 in all",
                "--port 0 --frobnicate                        | 2 | --frobnicate   | Unknown option                      | '--frobnicate'",
                "--port 0 --bind 0.0.0.0                      | 2 | --admin-token  | Refusing to listen on 0.0.0.0       | 0.0.0.0"
            })
    void aBadOptionPrintsOneLineNamingItAndExitsWithTheDocumentedCode(
            String args, int exit, String option, String expected, String got) {
        int code = run(Map.of(), args.split(" +"));

        assertThat(code).isEqualTo(exit);
        String line = err.toString();
        assertThat(line).startsWith("wawp-mock-server: ").contains(option, expected, got);
        assertThat(line.strip().lines()).hasSize(1);
        assertThat(line).as("no stack trace").doesNotContain("\tat ", "Caused by");
        assertThat(out.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "WAWP_MOCK_QUOTA        | -1   | --quota (from env WAWP_MOCK_QUOTA): Expected a quota of 0 or more creates, but got -1.",
                "WAWP_MOCK_QUOTA        | x    | Invalid value for option '--quota': 'x' is not an int (from env WAWP_MOCK_QUOTA)",
                "WAWP_MOCK_QR_ROTATION  | 0s   | --qr-rotation (from env WAWP_MOCK_QR_ROTATION) expects a period above 0",
                "WAWP_MOCK_JOURNAL_SIZE | 0    | --journal-size (from env WAWP_MOCK_JOURNAL_SIZE) expects 1 or more",
                "WAWP_MOCK_TOKENS       | a b  | WAWP_MOCK_TOKENS: Expected a token of printable ASCII characters"
            })
    void aBadValueFromTheEnvironmentNamesTheVariable(String variable, String value, String message) {
        int code = run(Map.of(variable, value), "--port", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("wawp-mock-server: ").contains(message);
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void aTakenPortPrintsOneLineAndExitsOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = run(Map.of(), "--port", Integer.toString(taken.getLocalPort()));

            assertThat(code).isEqualTo(1);
            assertThat(err.toString())
                    .startsWith("wawp-mock-server: cannot listen on")
                    .contains("--port");
            assertThat(err.toString().strip().lines()).hasSize(1);
        }
    }

    @Test
    void aCorruptStateFilePrintsOneLineAndExitsOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "not json");

        int code = run(Map.of(), "--port", "0", "--state-file", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("wawp-mock-server: The state file")
                .contains("cannot be read");
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo("not json");
    }

    @Test
    void anObservedCaptureThatDoesNotFitPrintsOneLineNamingTheFileAndExitsTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("start-418.json");
        Files.writeString(
                file,
                "{\"status\": 418, \"request\": {\"path\": \"/v2/session/start\"}, "
                        + "\"headers\": {\"Content-Type\": \"application/json\"}, \"body\": {}}");

        int code = run(Map.of(), "--port", "0", "--observed", dir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("wawp-mock-server: Expected a status start documents")
                .contains(file.toString(), "but got 418");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void tokensComeFromFlagsAndTheEnvironment() {
        WawpMockMain main =
                new WawpMockMain(Map.of("WAWP_MOCK_TOKENS", "env-token-1, env-token-2"), new PrintWriter(out));
        main.tokens = List.of("flag-token-1");

        assertThat(main.allTokens()).containsExactly("flag-token-1", "env-token-1", "env-token-2");
    }

    @Test
    void theBuiltServerAcceptsTheGivenTokensOnly() {
        WawpMockMain main = new WawpMockMain(Map.of(), new PrintWriter(out));
        main.tokens = List.of("flag-token-1");
        main.port = 0;

        try (WawpMockServer server = main.build().start()) {
            assertThat(server.token()).isEqualTo("flag-token-1");
            assertThat(server.tokens().list())
                    .singleElement()
                    .satisfies(t -> assertThat(t.tokenHint()).isEqualTo("flag..."));
        }
    }

    @ParameterizedTest
    @CsvSource({"500ms, 500", "3s, 3000", "1m, 60000", "250, 250"})
    void bootDelaysParseWithUnits(String text, long millis) {
        assertThat(WawpMockMain.parseDelay("--boot-delay", text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void manualMeansNoAutomaticBoot() {
        assertThat(WawpMockMain.parseDelay("--boot-delay", "manual")).isNull();
    }

    @Test
    void versionIsTheOneTheBuildMade() {
        int code = run(Map.of(), "--version");

        assertThat(code).isZero();
        assertThat(out.toString().strip()).isEqualTo("wawp-mock-server " + System.getProperty("wawp.version"));
    }

    @Test
    void optionsNotGivenComeFromTheEnvironmentAsInTheContainer() {
        CommandLine cli = WawpMockMain.commandLine(
                Map.of(
                        "WAWP_MOCK_BIND",
                        "0.0.0.0",
                        "WAWP_MOCK_PORT",
                        "9090",
                        "WAWP_MOCK_BOOT_DELAY",
                        "manual",
                        "WAWP_MOCK_STATE_FILE",
                        "/data/wawp-state.json",
                        "WAWP_MOCK_OPEN_CONTROL_API",
                        "true",
                        "WAWP_MOCK_QUOTA",
                        " 5 "),
                new PrintWriter(out),
                new PrintWriter(err));

        cli.parseArgs("--port", "8081");
        WawpMockMain main = cli.getCommand();

        assertThat(main.port).as("a flag wins over the environment").isEqualTo(8081);
        assertThat(main.bind).isEqualTo("0.0.0.0");
        assertThat(main.bootDelay).isEqualTo("manual");
        assertThat(main.stateFile).hasToString("/data/wawp-state.json");
        assertThat(main.openControlApi).isTrue();
        assertThat(main.quota).isEqualTo(5);
    }

    @Test
    void beyondLoopbackFromTheEnvironmentStillNeedsAnAdminToken() {
        int code = run(Map.of("WAWP_MOCK_BIND", "0.0.0.0", "WAWP_MOCK_PORT", "0"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Refusing to listen on 0.0.0.0", "WAWP_MOCK_ADMIN_TOKEN");
    }

    @Test
    void aBadValueFromTheEnvironmentPrintsOneLineAndExitsTwo() {
        int code = run(Map.of("WAWP_MOCK_PORT", "eighty"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("wawp-mock-server: ")
                .contains("--port", "eighty", "(from env WAWP_MOCK_PORT)");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }
}
