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
    let content: Node<HTML.BodyContext>
    /// The content drawn already, written into the rendered frame.
    let drawn: String?

    init(ctx: PageContext, content drawn: String) {
        (self.ctx, self.content, self.drawn) = (ctx, .raw(drawn), drawn)
    }

    init(ctx: PageContext, model: Content.Figures) {
        (self.ctx, self.content, self.drawn) = (ctx, .group(Content(model: model).nodes), nil)
    }

    func render() -> Page { drawn.map { Page(around: $0, document) } ?? Page(document()) }

    func document() -> HTML { document(content) }

    private func document(_ content: Node<HTML.BodyContext>) -> HTML {
        Layout.document(Content.title, ctx, wide: true, [content])
    }
}
