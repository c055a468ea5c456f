import ArgumentParsing
import Foundation
import NafidhaContract

/// `nafidha login --url URL`: checks a token against the server and stores both for the clerk commands.
struct LoginCommand: RunnableCommand {
    static let url = Option<String>(
        "url", valueName: "url", help: "The Nafidha server, e.g. https://nafidha.example.ly.")

    static let configuration = CommandConfiguration(
        name: "login",
        abstract: "Stores the server URL and your API token for the clerk commands.",
        discussion: """
            Reads the token from NAFIDHA_TOKEN, else the first line of standard input. It is checked against the \
            server, then stored with the URL in ~/.config/nafidha/credentials (or $XDG_CONFIG_HOME/nafidha), \
            readable by you alone (0600).
            """,
        arguments: [url.definition]
    )

    let serverURL: String

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let url = try arguments.value(of: Self.url) else { throw UsageError.required(Self.url.definition) }
        serverURL = url
    }

    func run(context: CommandContext) throws -> Int32 {
        guard let path = ClientCredentials.file(environment: context.environment) else {
            throw CommandFailure("HOME is not set, so there is nowhere to store the credentials")
        }
        let token =
            context.environment[ClientCredentials.tokenVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !token.isEmpty else {
            throw CommandFailure(
                "no token given: set NAFIDHA_TOKEN or type it on standard input",
                exitCode: CommandLineTool.usageExitCode)
        }
        let credentials = ClientCredentials(url: serverURL, token: token)
        var me: Staff.Member?
        let code = ClerkCommandRunner.run(context: context.with(credentials)) { client throws(ClientFailure) in
            me = try client.send(Routes.staffMe.target())
        }
        guard code == 0, let me else { return code }
        try credentials.write(to: path)
        context.standardOutput.writeLine(
            "Logged in as \(me.name) (\(me.role.rawValue)); credentials stored in \(path).")
        return 0
    }
}

extension CommandContext {
    /// The same context with `credentials` in the environment, as the clerk commands read them.
    fileprivate func with(_ credentials: ClientCredentials) -> CommandContext {
        var copy = self
        copy.environment[ClientCredentials.urlVariable] = credentials.url
        copy.environment[ClientCredentials.tokenVariable] = credentials.token
        return copy
    }
}
