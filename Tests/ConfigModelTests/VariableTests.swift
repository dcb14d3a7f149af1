import ConfigModel
import XCTest

final class VariableTests: XCTestCase {
    private func resolve(_ text: String, _ variables: Variables) throws -> VariableResolution {
        VariableResolution(try YAMLReader().read(text, file: "a.yaml"), variables: variables)
    }

    func testNamesThatHoldCredentialsByConventionAreSecretInAnyCase() {
        for name in ["ELEVENLABS_API_KEY", "github_token", "Db_Password", "PASSWD", "AWS_SECRET", "MY_CREDENTIALS",
                     "OAUTH_URL", "PRIVATE_PEM", "MONKEY"] {
            XCTAssertTrue(Variables.Variable.looksSecret(name), name)
        }
        for name in ["HOME", "PATH", "LANG", "KE_Y", "TOKE", "SECRE", "AUT", ""] {
            XCTAssertFalse(Variables.Variable.looksSecret(name), name)
        }
    }

    func testOnlyAWholeScalarIsAPlaceholderAndDoubleDollarEscapes() throws {
        XCTAssertEqual(Placeholder("${TIMEOUT}"), Placeholder("${TIMEOUT}"))
        XCTAssertEqual(Placeholder("${TIMEOUT:-12}")?.defaultValue, "12")
        XCTAssertEqual(Placeholder("${A:-}")?.defaultValue, "")
        XCTAssertNil(Placeholder("costs ${PRICE}"))
        XCTAssertNil(Placeholder("${1ABC}"))
        XCTAssertNil(Placeholder("${}"))
        let resolution = try resolve("a: ${X}\nb: 'price: $5 ${X}'\nc: $${X}\nd: \"${X:-fallback}\"\n", Variables(environment: ["X": "7"]))
        let json = NodeConversion.json(resolution.root, kind: { _ in nil })
        XCTAssertEqual(json, .object(JSONObject([("a", .number(7)), ("b", .string("price: $5 ${X}")), ("c", .string("${X}")),
                                                 ("d", .number(7))])))
        XCTAssertEqual(resolution.resolved.map(\.path), [["a"], ["d"]])
    }

    func testATagIsKeptForTheValueAndCheckedAgainstWhatIsWritten() throws {
        // `!!str ${X}` asks for text whatever X holds; `!!int ${X}` is refused as written, before any value is known.
        let resolution = try resolve("a: !!str ${X}\nb: ${X}\n", Variables(environment: ["X": "7"]))
        XCTAssertEqual(NodeConversion.json(resolution.root, kind: { _ in nil }),
                       .object(JSONObject([("a", .string("7")), ("b", .number(7))])))
        XCTAssertEqual(resolution.root["a"]?.mark, SourceMark(file: "a.yaml", line: 1, column: 4))
        XCTAssertThrowsError(try YAMLReader().read("a: !!int ${X}\n", file: "a.yaml")) { error in
            XCTAssertEqual("\(error)", "a.yaml:1:4: error: [yaml] `${X}` cannot be tagged !!int")
        }
    }

    func testAnUnsetVariableWithoutADefaultIsAnErrorAtItsLineNeverEmptyText() throws {
        let resolution = try resolve("name: x\nturn:\n  turn_timeout: ${TIMEOUT}\n", Variables(environment: ["TIMEOUT": ""]))
        XCTAssertEqual(resolution.problems.map(\.description),
                       ["a.yaml:3:17: error: [variable] ${TIMEOUT} is not set and has no default; set it in the environment or "
                        + "the environment's variables file, or write ${TIMEOUT:-default}"])
        let defaulted = try resolve("a: ${TIMEOUT:-}\nb: ${NOTHING:-null}\n", Variables(environment: [:]))
        XCTAssertEqual(NodeConversion.json(defaulted.root, kind: { _ in nil }),
                       .object(JSONObject([("a", .string("")), ("b", .string("null"))])), "a variable never makes a value null")
    }

    func testTheEnvironmentWinsOverTheFileAndAFileMarkingMakesItSecret() throws {
        let file = try variablesFile("TIMEOUT: 12\nVOICE: rachel\nWEBHOOK:\n  value: https://hooks.example/abc\n  secret: true\n")
        let variables = Variables(environment: ["TIMEOUT": "20", "WEBHOOK": "https://override.example/x"], file: file)
        XCTAssertEqual(variables.lookup("TIMEOUT")?.value, "20")
        XCTAssertEqual(variables.lookup("TIMEOUT")?.source, .environment)
        XCTAssertTrue(variables.lookup("VOICE")!.source.description.hasSuffix("/vars.yaml:2"))
        XCTAssertEqual(variables.lookup("WEBHOOK")?.secret, true)
        XCTAssertEqual(variables.lookup("VOICE")?.secret, false)
        XCTAssertEqual(Variables.Variable(name: "LLM_API_KEY", value: "k", source: .environment, secret: false).secret, true)
        XCTAssertEqual(variables.redact("sent https://override.example/x and rachel"), "sent (secret hidden) and rachel")
    }

    func testAVariablesFileIsAFlatMapOfNamesWithLocatedErrors() throws {
        XCTAssertEqual(try variablesFile("# nothing yet\n\n").count, 0)
        XCTAssertThrowsError(try variablesFile("- a\n")) { XCTAssertTrue("\($0)".contains("vars.yaml:1:1"), "\($0)") }
        XCTAssertThrowsError(try variablesFile("bad-name: 1\n")) { XCTAssertTrue("\($0)".contains("vars.yaml:1:1: error: [yaml] `bad-name` is not a variable name"), "\($0)") }
        XCTAssertThrowsError(try variablesFile("A:\n  value: 1\n  secrte: true\n")) { XCTAssertTrue("\($0)".contains("vars.yaml:3:3"), "\($0)") }
        XCTAssertThrowsError(try variablesFile("A: [1, 2]\n")) { XCTAssertTrue("\($0)".contains("vars.yaml:1:4"), "\($0)") }
    }

    func testAnErrorAtAPlaceholderNamesTheVariableAndWhereItWasSet() throws {
        let file = try variablesFile("# timeouts\nTIMEOUT: 45\n")
        let resolution = try resolve("turn_timeout: ${TIMEOUT}\n", Variables(environment: [:], file: file))
        let problem = Diagnostic(.error, Diagnostic.Rule(rawValue: "range"), at: SourceMark(file: "a.yaml", line: 1, column: 15), "too big")
        let annotated = resolution.annotate([problem])
        let message = try XCTUnwrap(annotated.first?.message)
        XCTAssertTrue(message.hasPrefix("too big (${TIMEOUT} = `45` from /") && message.hasSuffix("/vars.yaml:2)"), message)
        let note = try XCTUnwrap(annotated.first?.notes.first)
        XCTAssertEqual([note.message, "\(note.mark.line):\(note.mark.column)"], ["`TIMEOUT` is set here", "2:10"])
    }

    func testSecretLeavesAreLeftOutOfWhatIsKept() {
        let body = JSONObject([("name", .string("x")), ("auth", .object(JSONObject([("token", .string("s3cret")), ("kind", .string("bearer"))]))),
                               ("headers", .array([.string("a"), .string("s3cret")]))])
        XCTAssertEqual(body.removingValues(at: [["auth", "token"], ["headers", "1"], ["missing", "x"]]),
                       JSONObject([("name", .string("x")), ("auth", .object(JSONObject([("kind", .string("bearer"))])))]))
    }

    private func variablesFile(_ text: String) throws -> [String: Variables.Variable] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vars-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let file = path + "/vars.yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return try VariablesFile.load(path: file)
    }
}

final class PlaceholderComparisonTests: XCTestCase {
    private let variables = Variables(environment: ["TIMEOUT": "12", "VOICE": "rachel", "LLM_API_KEY": "sk-live-123456"])

    private func node(_ text: String) throws -> YAMLNode {
        try YAMLReader().read("v: \(text)\n", file: "a.yaml")["v"]!
    }

    func testAPlaceholderThatResolvesToTheLiveValueIsKept() throws {
        XCTAssertEqual(PlaceholderComparison.compare(try node("${TIMEOUT}"), remote: .number(12), kind: .number, variables: variables), .keep)
        XCTAssertEqual(PlaceholderComparison.compare(try node("${TIMEOUT}"), remote: .number(12.0), kind: .integer, variables: variables), .keep)
        XCTAssertEqual(PlaceholderComparison.compare(try node("${MISSING:-turn}"), remote: .string("turn"), kind: .text, variables: variables), .keep)
        XCTAssertEqual(PlaceholderComparison.compare(try node("12"), remote: .number(12), kind: .number, variables: variables), .notAPlaceholder)
    }

    func testALiveValueThatMovedAwayIsDriftAndASecretIsNeverHandedBack() throws {
        let drift = PlaceholderComparison.compare(try node("${VOICE}"), remote: .string("adam"), kind: .text, variables: variables)
        guard case .drift(let voice) = drift else { return XCTFail("\(drift)") }
        XCTAssertEqual([voice.placeholder, voice.origin], ["${VOICE}", "${VOICE} = `rachel` from the process environment"])
        XCTAssertEqual([voice.resolved, voice.remote], [.string("rachel"), .string("adam")])
        XCTAssertFalse(voice.secret)
        let secret = PlaceholderComparison.compare(try node("${LLM_API_KEY}"), remote: .string("sk-other"), kind: .text, variables: variables)
        guard case .drift(let key) = secret else { return XCTFail("\(secret)") }
        XCTAssertEqual(key.origin, "${LLM_API_KEY} = (secret hidden) from the process environment")
        XCTAssertEqual([key.resolved, key.remote], [nil, nil])
        XCTAssertTrue(key.secret)
        XCTAssertFalse("\(secret)".contains("sk-live"))
        guard case .unresolved(let problem) = PlaceholderComparison.compare(try node("${NOPE}"), remote: .null, kind: .text, variables: variables)
        else { return XCTFail("an unset variable cannot be compared") }
        XCTAssertEqual(problem.mark.line, 1)
    }
}
