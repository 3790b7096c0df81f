import DudaoCore
import Plot

/// What went wrong, in Chinese, with the way home: the page `ErrorPageMiddleware` sends for any error.
struct ErrorPage: Sendable, Equatable {
    let status: Int
    let title: String
    let message: String
    /// For a form that did not go through: the page it was sent from (same site), to go back to it. The page script
    /// fills the form again with what was sent.
    var retry: String?
    /// The request's id, shown on a server error so that the administrator finds its log lines (each carries it).
    var requestID: String?
}

struct ErrorPageView {
    let ctx: PageContext
    let model: ErrorPage

    func render() -> Page { Page(document(), status: model.status) }

    func document() -> FramedDocument {
        Layout.document(
            "出错了", ctx,
            [
                .section(
                    .class("card error-page"),
                    .h1(.text(model.title)),
                    .p(.text(model.message)),
                    model.requestID.map { .p(.class("hint"), .text("错误编号：\($0)（联系管理员时请告知）")) } ?? .empty,
                    retryLink,
                    .p(.link(SiteURL.home.path, "返回首页")))
            ])
    }

    /// Signed out meanwhile: sign in and come back to the form; else straight back to it.
    var retryLink: Node<HTML.BodyContext> {
        guard let retry = model.retry else { return .empty }
        if ctx.principal == nil {
            return .p(
                .button(SiteURL.login.with([("next", retry)]), "重新登录后回到表单"),
                .span(.class("hint"), .text(" 已填写的内容保存在本机，回到表单时自动填回。")))
        }
        return .p(.button(retry, "回到表单", style: "secondary"), .span(.class("hint"), .text(" 已填写的内容会自动填回。")))
    }
}
