import DudaoCore
import Plot

/// What went wrong, in Chinese, with the way home: the page `ErrorPageMiddleware` sends for any error.
struct ErrorPage: Sendable, Equatable {
    let status: Int
    let title: String
    let message: String
}

struct ErrorPageView {
    let ctx: PageContext
    let model: ErrorPage

    func render() -> Page { Page(document(), status: model.status) }

    func document() -> HTML {
        Layout.document(
            "出错了", ctx,
            [
                .section(
                    .class("card error-page"),
                    .h1(.text(model.title)),
                    .p(.text(model.message)),
                    .p(.link(SiteURL.home.path, "返回首页")))
            ])
    }
}
