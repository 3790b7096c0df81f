import DudaoCore
import Plot

extension Node where Context == HTML.BodyContext {
    /// A home's to-do list: one card per group with its count, its first items (most urgent first, each a
    /// link with its deadline) and a link to the whole list; a calm sentence when there is nothing to do.
    static func todoList(_ groups: [TodoGroup], today: Day, heading: String = "待办事项") -> Node {
        let pending = Todo.pending(groups)
        return .section(
            .class("todo"), .ariaLabel(heading),
            .h2(.text(heading), pending.total > 0 ? .span(.class("todo-total"), .text("共\(pending.total)项")) : .empty),
            pending.groups.isEmpty
                ? .p(.class("empty"), .text("眼下没有待办事项。"))
                : .div(.class("todo-groups"), .forEach(pending.groups) { todoGroup($0, today: today) }))
    }

    static func todoGroup(_ g: TodoGroup, today: Day) -> Node {
        .div(
            .class("card todo-group"),
            .h3(.text(g.title), .span(.class("badge"), .text("\(g.total)"))),
            .ul(.forEach(g.items) { todoItem($0, today: today) }),
            g.more.map { more in
                g.total > g.items.count ? .p(.class("todo-more"), .link(more, "查看全部\(g.total)项")) : .empty
            } ?? .empty)
    }

    static func todoItem(_ t: TodoItem, today: Day) -> Node<HTML.ListContext> {
        let due = t.dueLabel(today: today)
        return .li(
            .a(
                .href(t.link),
                .span(.class("todo-title"), .text(t.title)),
                t.detail.isEmpty ? .empty : .span(.class("todo-detail"), .text(t.detail)),
                due.isEmpty ? .empty : .span(.class("badge " + t.urgency(today: today).rawValue), .text(due))))
    }
}
