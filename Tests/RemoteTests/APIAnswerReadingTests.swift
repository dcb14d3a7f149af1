import ConfigModel
@testable import Remote
import XCTest

/// The API's answers read with the JSON core, as strictly as a decoder: wrong types fail the whole answer.
final class APIAnswerReadingTests: XCTestCase {
    private func json(_ text: String) -> JSONValue { try! JSONParser.parse(text) }

    private let summary = #"{"agent_id":"a1","name":"Desk","tags":["x"],"created_at_unix_secs":1700000000"#

    func testPageWithEveryMember() throws {
        let page = try XCTUnwrap(AgentPage(json: json(#"{"agents":[\#(summary),"updated_at_unix_secs":1700000001.0,"archived":false}],"has_more":true,"next_cursor":"c2"}"#)))
        XCTAssertEqual(page.agents, [AgentSummary(json: json(summary + ",\"updated_at_unix_secs\":1700000001,\"archived\":false}"))!])
        XCTAssertEqual(page.agents[0].agentID, "a1")
        XCTAssertEqual(page.agents[0].updatedAtUnixSecs, 1_700_000_001, "a whole float reads as an integer")
        XCTAssertEqual(page.agents[0].archived, false)
        XCTAssertTrue(page.hasMore)
        XCTAssertEqual(page.nextCursor, "c2")
    }

    func testOptionalMembersMayBeAbsentOrNull() throws {
        let page = try XCTUnwrap(AgentPage(json: json(#"{"agents":[\#(summary),"archived":null}],"has_more":false,"next_cursor":null}"#)))
        XCTAssertNil(page.agents[0].updatedAtUnixSecs)
        XCTAssertNil(page.agents[0].archived)
        XCTAssertNil(page.nextCursor)
    }

    func testWrongTypesMakeTheAnswerUnreadable() {
        let broken = [
            #"{"agents":[\#(summary)}],"has_more":"yes"}"#,
            #"{"agents":[\#(summary),"archived":"no"}],"has_more":false}"#,
            #"{"agents":[\#(summary),"updated_at_unix_secs":1.5}],"has_more":false}"#,
            #"{"agents":[{"agent_id":"a1","name":"Desk","tags":["x",1],"created_at_unix_secs":1}],"has_more":false}"#,
            #"{"agents":[{"name":"Desk","tags":[],"created_at_unix_secs":1}],"has_more":false}"#,
            #"{"agents":[\#(summary)}],"has_more":false,"next_cursor":7}"#,
            #"{"has_more":false}"#,
            #"[]"#,
        ]
        for text in broken { XCTAssertNil(AgentPage(json: json(text)), text) }
    }

    func testValidationIssueLocations() throws {
        let issue = try XCTUnwrap(APIValidationIssue(json: json(#"{"loc":["body","tags",2],"msg":"too long","type":"string_too_long"}"#)))
        XCTAssertEqual(issue.loc, [.key("body"), .key("tags"), .index(2)])
        XCTAssertEqual(issue.field, "tags[2]")
        XCTAssertEqual(issue.type, "string_too_long")
        XCTAssertNil(APIValidationIssue(json: json(#"{"loc":["body",true],"msg":"x"}"#)))
        XCTAssertNil(APIValidationIssue(json: json(#"{"loc":["body"]}"#)))
    }
}
