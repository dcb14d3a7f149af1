import ConfigModel
import Foundation
@testable import Remote
import XCTest

/// The API's answers read with the JSON core, as strictly as a decoder: wrong types fail the whole answer.
final class APIAnswerReadingTests: XCTestCase {
    private func json(_ text: String) -> JSONValue { try! JSONParser.parse(text) }

    private let summary = #"{"agent_id":"a1","name":"Desk","tags":["x"],"created_at_unix_secs":1700000000"#

    private func agentPage(_ text: String) -> ResourcePage? {
        ResourcePage(Data(text.utf8), endpoints: Resource.agents.endpoints)
    }

    func testPageWithEveryMember() throws {
        let page = try XCTUnwrap(agentPage(#"{"agents":[\#(summary),"updated_at_unix_secs":1700000001.0,"archived":false}],"has_more":true,"next_cursor":"c2"}"#))
        XCTAssertEqual(page.items.map(\.id), ["a1"])
        XCTAssertEqual(page.items[0].name, "Desk")
        XCTAssertEqual(page.items[0].fields["updated_at_unix_secs"]?.numberValue, 1_700_000_001, "a whole float is a whole number")
        XCTAssertEqual(page.items[0].fields["archived"], .bool(false))
        XCTAssertTrue(page.hasMore)
        XCTAssertEqual(page.nextCursor, "c2")
    }

    func testOptionalMembersMayBeAbsentOrNull() throws {
        let page = try XCTUnwrap(agentPage(#"{"agents":[\#(summary),"archived":null}],"has_more":false,"next_cursor":null}"#))
        XCTAssertEqual(page.items.map(\.id), ["a1"])
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
        for text in broken { XCTAssertNil(agentPage(text), text) }
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
