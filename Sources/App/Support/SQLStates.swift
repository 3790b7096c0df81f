import SQLKit

extension SQLQueryString {
    /// `\(states: NoticeState.withSchool)` writes `'issued', 'acknowledged', 'returned'`, for `state IN (…)`: the
    /// states as the dialect's string literals, so every query filters by the one list the rules define.
    mutating func appendInterpolation<State: RawRepresentable<String>>(states: [State]) {
        appendInterpolation(literals: states.map(\.rawValue), joinedBy: ", ")
    }
}
