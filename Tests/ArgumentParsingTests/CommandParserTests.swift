import ArgumentParsing
import Testing

@Suite("Parsing arguments")
struct CommandParserTests {
    @Test("reads an option given as two words")
    func optionAsTwoWords() {
        let result = runSample("copy", "--target", "/tmp", "a.txt")
        #expect(result.code == 0)
        #expect(result.output.contains("target=/tmp "))
    }

    @Test("reads an option given with an equals sign, keeping later equals signs in the value")
    func optionWithEquals() {
        let result = runSample("copy", "--target=/a=b", "a.txt")
        #expect(result.output.contains("target=/a=b "))
    }

    @Test("reads an option by its short name")
    func shortOption() {
        let result = runSample("copy", "-t", "/x", "a.txt")
        #expect(result.output.contains("target=/x "))
    }

    @Test("collects every value of a repeatable option in order")
    func repeatableOption() {
        let result = runSample("copy", "--exclude", "*.o", "--exclude=*.a", "a.txt")
        #expect(result.output.contains(#"exclude=["*.o", "*.a"]"#))
    }

    @Test("refuses a non-repeatable option given twice")
    func repeatedOption() {
        let result = runSample("copy", "--target", "a", "--target", "b", "a.txt")
        #expect(result.code == 64)
        #expect(result.error.hasPrefix("Error: The option '--target <dir>' was given more than once\n"))
    }

    @Test("converts typed values and reports words of the wrong type")
    func typedValues() {
        #expect(runSample("copy", "--retries", "3", "a").output.contains("retries=3 "))
        let bad = runSample("copy", "--retries", "three", "a")
        #expect(bad.code == 64)
        #expect(bad.error.hasPrefix("Error: The value 'three' is invalid for '--retries <count>'\n"))
    }

    @Test("reports a command's own validation as a usage error with its reason")
    func validationReason() {
        let result = runSample("copy", "--retries", "-2", "a")
        #expect(result.code == 64)
        #expect(
            result.error.hasPrefix("Error: The value '-2' is invalid for '--retries <count>': must not be negative\n"))
    }

    @Test("sets flags by long and short name")
    func flags() {
        #expect(runSample("copy", "--verbose", "a").output.contains("verbose=true"))
        #expect(runSample("copy", "-v", "a").output.contains("verbose=true"))
        #expect(runSample("copy", "a").output.contains("verbose=false"))
    }

    @Test("refuses a value attached to a flag")
    func flagWithValue() {
        let result = runSample("copy", "--verbose=yes", "a")
        #expect(result.code == 64)
        #expect(result.error.hasPrefix("Error: The flag '--verbose' does not take a value\n"))
    }

    @Test("fills positionals in order and leaves optional ones empty")
    func positionals() {
        #expect(runSample("copy", "a", "b").output.contains("source=a label=b"))
        #expect(runSample("copy", "a").output.contains("source=a label=-"))
    }

    @Test("reports a missing required positional")
    func missingPositional() {
        let result = runSample("copy", "--verbose")
        #expect(result.code == 64)
        #expect(result.error.hasPrefix("Error: Missing expected argument '<source>'\n"))
    }

    @Test("reports a word beyond the last positional")
    func extraPositional() {
        let result = runSample("copy", "a", "b", "c")
        #expect(result.code == 64)
        #expect(result.error.hasPrefix("Error: Unexpected argument 'c'\n"))
    }

    @Test("treats every word after a double dash as positional")
    func doubleDashEndsOptions() {
        let result = runSample("copy", "--", "--verbose", "-t")
        #expect(result.code == 0)
        #expect(result.output.contains("verbose=false source=--verbose label=-t"))
    }

    @Test("reports an option with no value when it is the last word or followed by another option")
    func missingValue() {
        #expect(runSample("copy", "a", "--target").error.hasPrefix("Error: Missing value for '--target <dir>'\n"))
        #expect(runSample("copy", "--target", "--verbose", "a").code == 64)
    }

    @Test("prints an unknown option error, the usage line and where to find help, and exits 64")
    func unknownOption() {
        let result = runSample("copy", "--foo", "a")
        #expect(result.code == 64)
        #expect(result.output.isEmpty)
        #expect(
            result.error == """
                Error: Unknown option '--foo'
                Usage: tool copy [--target <dir>] [--exclude <pattern> ...] [--retries <count>] [--verbose] <source> [<label>]
                See 'tool copy --help'.

                """)
    }

    @Test("reports an unknown subcommand against the command that was expecting one")
    func unknownSubcommand() {
        let result = runSample("group", "branch")
        #expect(result.code == 64)
        #expect(
            result.error
                == "Error: Unknown subcommand 'branch'\nUsage: tool group <subcommand>\nSee 'tool group --help'.\n")
    }

    @Test("reports a missing subcommand when a group is invoked alone")
    func missingSubcommand() {
        let result = runSample()
        #expect(result.code == 64)
        #expect(result.error.hasPrefix("Error: Missing subcommand\nUsage: tool <subcommand>\n"))
    }

    @Test("runs a nested subcommand and returns its exit code")
    func nestedSubcommand() {
        #expect(runSample("group", "leaf").code == 7)
    }

    @Test("prints a run-time failure as one Error line and exits 1")
    func runtimeFailure() {
        let result = runSample("copy", "fail")
        #expect(result.code == 1)
        #expect(result.error == "Error: it broke over two lines\n")
    }

    @Test("lets the tool word a run-time failure and choose its exit code")
    func reportedFailure() {
        let output = TextBuffer()
        let error = TextBuffer()
        let context = CommandContext(
            environment: [:], currentDirectory: "/", standardOutput: output, standardError: error)
        let tool = CommandLineTool(root: SampleTool.self) { failure in
            FailureReport(failure is SampleFailure ? "the sample failed;\ntry again" : "other", exitCode: 69)
        }
        #expect(tool.run(arguments: ["copy", "fail"], context: context) == 69)
        #expect(error.text == "Error: the sample failed; try again\n")
        #expect(tool.run(arguments: ["copy", "--nope"], context: context) == 64, "usage errors stay the parser's")
    }

    @Test("prints the version only at the root")
    func version() {
        let result = runSample("--version")
        #expect(result.code == 0)
        #expect(result.output == "tool 1.2.3\n")
        #expect(runSample("copy", "--version", "a").error.hasPrefix("Error: Unknown option '--version'\n"))
    }
}
