import Plot
import XCTest

@testable import App

final class HTMLEscapeTests: XCTestCase {
    func testTheFiveCharactersAreEscapedAndNothingElse() {
        XCTAssertEqual(
            HTMLEscape.escape(#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        XCTAssertEqual(HTMLEscape.escape("城关街道中心小学 3（1）班"), "城关街道中心小学 3（1）班")
        XCTAssertEqual(HTMLEscape.escape(""), "")
    }

    func testAnEntityTypedByAUserComesBackAsTyped() {
        // Plot's own text escaping keeps "&amp;" as is, so a form would turn it into "&" on the next save.
        let html = Node<Plot.HTML.BodyContext>.textareaField("说明", name: "x", value: "A &amp; B").render()
        XCTAssertTrue(html.contains(">A &amp;amp; B</textarea>"), html)
    }

    func testWidgetAttributesAreEscaped() {
        let html = Node<Plot.HTML.BodyContext>.link(#"/x?q="><svg onload=alert(1)>"#, "链接").render()
        XCTAssertEqual(html, #"<a href="/x?q=&quot;&gt;&lt;svg onload=alert(1)&gt;">链接</a>"#)
        let input = Node<Plot.HTML.BodyContext>.hidden("x", #"'"><b>"#).render()
        XCTAssertEqual(input, #"<input type="hidden" name="x" value="&#39;&quot;&gt;&lt;b&gt;"/>"#)
        let legend = Node<Plot.HTML.BodyContext>.legend("<script>").render()
        XCTAssertEqual(legend, "<legend>&lt;script&gt;</legend>")
        let caption = Node<Plot.HTML.BodyContext>.figcaption(#""><img>"#).render()
        XCTAssertEqual(caption, "<figcaption>&quot;&gt;&lt;img&gt;</figcaption>")
    }
}
