import ArgumentParsing
import Testing

@Suite("Help text")
struct HelpFormatterTests {
    @Test("lists arguments, options and the help flag in sections for a leaf command")
    func leafHelp() {
        let result = runSample("copy", "--help")
        #expect(result.code == 0)
        #expect(result.error.isEmpty)
        #expect(
            result.output == """
                OVERVIEW: Copies a file.

                USAGE: tool copy [--target <dir>] [--exclude <pattern> ...] [--retries <count>] [--verbose] <source> [<label>]

                ARGUMENTS:
                  <source>                What to copy.
                  <label>                 A label for the copy.

                OPTIONS:
                  -t, --target <dir>      Where to copy.
                  --exclude <pattern>     Skips matching files.
                  --retries <count>       How often to retry.
                  -v, --verbose           Says more.
                  -h, --help              Show help information.

                """)
    }

    @Test("lists subcommands and the version option for the root command")
    func rootHelp() {
        let result = runSample("-h")
        #expect(result.code == 0)
        #expect(
            result.output == """
                OVERVIEW: Does sample things.

                USAGE: tool <subcommand>

                OPTIONS:
                  --version               Show the version.
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  copy                    Copies a file.
                  group                   Groups things.

                  See 'tool <subcommand> --help' for detailed help.

                """)
    }

    @Test("answers help anywhere, even after other words and in nested commands")
    func helpEverywhere() {
        #expect(runSample("copy", "a", "-h").output.hasPrefix("OVERVIEW: Copies a file."))
        #expect(runSample("group", "leaf", "--help").output.hasPrefix("OVERVIEW: A leaf.\n\nUSAGE: tool group leaf\n"))
        #expect(runSample("group", "--help").output.contains("SUBCOMMANDS:\n  leaf"))
    }

    @Test("treats a help word after a double dash as a positional")
    func helpAfterDoubleDash() {
        #expect(runSample("copy", "--", "--help").output.contains("source=--help"))
    }
}
