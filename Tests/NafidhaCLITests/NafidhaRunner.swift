import ArgumentParsing
import NafidhaCLI

/// What an in-process `nafidha` run printed and returned.
struct NafidhaRun {
    let code: Int32
    let output: String
    let error: String

    /// The standard error lines, for the "one clear line" checks.
    var errorLines: [Substring] { error.split(separator: "\n") }
}

/// Runs `nafidha` in this process with in-memory outputs and only the given environment.
func runNafidha(_ arguments: [String], environment: [String: String] = [:], currentDirectory: String = "/")
    -> NafidhaRun
{
    let output = TextBuffer()
    let error = TextBuffer()
    let context = CommandContext(
        environment: environment, currentDirectory: currentDirectory, standardOutput: output, standardError: error
    )
    let code = NafidhaTool.run(arguments: arguments, context: context)
    return NafidhaRun(code: code, output: output.text, error: error.text)
}
