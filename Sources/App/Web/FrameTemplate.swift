import Plot

/// A page's frame (head, header, footer) and its content, not yet rendered. A request renders it through the kept
/// frame (`render()`); a test renders `html` indented to read it. Both write the same bytes unindented.
struct FramedDocument {
    let title: String
    let ctx: PageContext
    let wide: Bool
    let printable: Bool
    let content: [Node<HTML.BodyContext>]

    /// The whole page as Plot's document.
    var html: HTML {
        Layout.html(
            title: title, header: Layout.header(ctx), flash: .flash(ctx.flash), wide: wide, printable: printable,
            content)
    }

    /// The page: the kept frame's pieces with this request's values written between them, and the content
    /// rendered on its own.
    func render() -> String {
        let pieces = FrameTemplate.pieces(signedIn: ctx.principal != nil, wide: wide, printable: printable)
        let content = Node<HTML.BodyContext>.group(content).render()
        var page = ""
        page.reserveCapacity(FrameTemplate.keptBytes + content.utf8.count + 512)
        for piece in pieces {
            page += piece.literal
            guard let slot = piece.slot else { continue }
            switch slot {
            case .title: page += HTMLEscape.escape(title)
            case .menus: if let p = ctx.principal { page += Navigation.menusHTML(p.role, ctx.path) }
            case .unread: if ctx.unread > 0 { page += Layout.unreadBadge(ctx.unread).render() }
            case .who: if let p = ctx.principal { page += HTMLEscape.escape(Layout.whoIs(p)) }
            case .csrf: page += HTMLEscape.escape(ctx.csrf)
            case .flash: if ctx.flash != nil { page += Node<HTML.BodyContext>.flash(ctx.flash).render() }
            case .content: page += content
            }
        }
        return page
    }
}

/// Every page's frame is the same but for a few values, so it is rendered once for each kind of page (signed in or
/// not, wide, printable) with a marker in each value's place, and kept as the pieces between the markers: rendering
/// the frame's thirty-odd elements through Plot took a tenth of a kept page's time.
enum FrameTemplate {
    /// A value written into the kept frame on each request.
    enum Slot: String, CaseIterable {
        case title, menus, unread, who, csrf, flash, content
    }

    /// Kept text, then the value that follows it (none after the last piece).
    typealias Piece = SlottedHTML.Piece<Slot>

    /// The pieces of one kind of page.
    static func pieces(signedIn: Bool, wide: Bool, printable: Bool) -> [Piece] {
        kept[(signedIn ? 4 : 0) + (wide ? 2 : 0) + (printable ? 1 : 0)]
    }

    /// A slot's marker (`SlottedHTML.marker`).
    static func marker(_ slot: Slot) -> String { SlottedHTML.marker(slot.rawValue) }

    private static let kept: [[Piece]] = (0..<8).map { kind in
        let (signedIn, wide, printable) = (kind & 4 != 0, kind & 2 != 0, kind & 1 != 0)
        let header =
            signedIn
            ? Layout.signedInHeader(
                menus: .raw(marker(.menus)), unread: .raw(marker(.unread)), who: marker(.who), csrf: marker(.csrf))
            : Layout.publicHeader
        let frame = Layout.html(
            title: marker(.title), header: header, flash: .raw(marker(.flash)), wide: wide, printable: printable,
            [.raw(marker(.content))]
        ).render()
        return cut(frame)
    }

    static let keptBytes = kept.map { $0.reduce(0) { $0 + $1.literal.utf8.count } }.max() ?? 0

    /// The frame cut at its markers, in order.
    static func cut(_ frame: String) -> [Piece] { SlottedHTML.cut(frame, Slot.self) }
}
