import Remote
import XCTest

final class FileNamingTests: XCTestCase {
    func testNamesTransliterateToASCII() {
        XCTAssertEqual(FileNaming.slug("Ünïcödé Çafé", fallback: "agent"), "unicode-cafe")
        XCTAssertEqual(FileNaming.slug("Straße Ærø Łódź", fallback: "agent"), "strasse-aero-lodz")
        XCTAssertEqual(FileNaming.slug("Привет мир", fallback: "agent"), "privet-mir")
        XCTAssertEqual(FileNaming.slug("Support Desk (EU)", fallback: "agent"), "support-desk-eu")
    }

    func testANameWithNothingToKeepIsNamedAfterItsKind() {
        XCTAssertEqual(FileNaming.slug("🙂 — !!", fallback: "agent"), "agent")
        XCTAssertEqual(FileNaming.slug("", fallback: "agent"), "agent")
    }

    func testTakenNamesGetANumber() {
        let taken: Set = ["agents/unicode-cafe.yaml", "agents/unicode-cafe-2.yaml"]
        XCTAssertEqual(FileNaming.uniquePath(for: "Unicode Café", of: .agents, in: "agents", taken: taken.contains),
                       "agents/unicode-cafe-3.yaml")
    }
}
