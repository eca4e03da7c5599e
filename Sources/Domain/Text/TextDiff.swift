/// A line-by-line comparison of two texts (Myers' algorithm), for comparing revisions.
public enum TextDiff {
    public enum Line: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The edit script that turns `old` into `new`, line by line. Large inputs are compared in
    /// bounded time: past `maximumEdits` the rest is reported as removed and added.
    public static func lines(from old: String, to new: String, maximumEdits: Int = 4000) -> [Line] {
        // An empty text has no lines (not one empty line).
        let a = old.isEmpty ? [] : old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.isEmpty ? [] : new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Trim the common head and tail, which is most of a typical revision.
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let middle = diff(Array(a[head..<(a.count - tail)]), Array(b[head..<(b.count - tail)]), maximumEdits: maximumEdits)
        return a[..<head].map(Line.same) + middle + a[(a.count - tail)...].map(Line.same)
    }

    /// Myers' O((N+M)D) shortest edit script.
    static func diff(_ a: [String], _ b: [String], maximumEdits: Int) -> [Line] {
        let n = a.count
        let m = b.count
        if n == 0 { return b.map(Line.added) }
        if m == 0 { return a.map(Line.removed) }
        let limit = min(n + m, maximumEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        var found = false
        outer: for d in 0...limit {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m {
                    found = true
                    break outer
                }
            }
        }
        guard found else { return a.map(Line.removed) + b.map(Line.added) }
        // Walk the trace back from the end to recover the script.
        var script: [Line] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let previousX = v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                script.append(.same(a[x - 1]))
                x -= 1
                y -= 1
            }
            if d > 0 {
                if x == previousX {
                    script.append(.added(b[y - 1]))
                } else {
                    script.append(.removed(a[x - 1]))
                }
            }
            x = previousX
            y = previousY
        }
        return script.reversed()
    }
}
