import Foundation
import Plot

/// Figures counted for a while (see `FiguresCache`) that say when they were counted.
protocol KeptFigures: Sendable {
    var countedAt: Date? { get set }
}

/// What a page of kept figures shows below the site's header: drawn only from the figures and when they were
/// counted, so it is drawn once with them (`drawn`, `FiguresCache`'s draw) instead of on every request.
protocol FiguresContent {
    associatedtype Figures: KeptFigures
    /// The page's title.
    static var title: String { get }
    init(model: Figures)
    var nodes: [Node<HTML.BodyContext>] { get }
}

extension FiguresContent {
    /// The content as HTML.
    static func drawn(_ model: Figures, countedAt: Date?) -> String {
        var model = model
        model.countedAt = countedAt
        return Node<HTML.BodyContext>.group(Self(model: model).nodes).render()
    }
}

/// A page of kept figures: its content drawn already, or the nodes themselves (indented when a test renders the page
/// to read it).
struct FiguresView<Content: FiguresContent> {
    let ctx: PageContext
    let content: PagePart

    init(ctx: PageContext, content drawn: String) {
        (self.ctx, self.content) = (ctx, .drawn(drawn))
    }

    init(ctx: PageContext, model: Content.Figures) {
        (self.ctx, self.content) = (ctx, .nodes(.group(Content(model: model).nodes)))
    }

    func render() -> Page { Page(content, document) }

    func document() -> FramedDocument { document(content.node) }

    private func document(_ content: Node<HTML.BodyContext>) -> FramedDocument {
        Layout.document(Content.title, ctx, wide: true, [content])
    }
}
