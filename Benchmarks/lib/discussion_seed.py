"""Loads one article's discussion of N comments (T threads, replies up to depth D) into a
Gazette SQLite database and the same comments into an Isso database, for Benchmarks/discussion.

Usage: discussion_seed.py GAZETTE_DB ARTICLE_SLUG ISSO_DB ISSO_URI [COMMENTS THREADS DEPTH]
"""
import json
import random
import sqlite3
import sys
import time

gazette_db, slug, isso_db, uri = sys.argv[1:5]
total = int(sys.argv[5]) if len(sys.argv) > 5 else 10_000
threads = int(sys.argv[6]) if len(sys.argv) > 6 else 2_000
levels = int(sys.argv[7]) if len(sys.argv) > 7 else 5
rng = random.Random(7)
WORDS = ("the council vote bridge river housing rent budget school plan year people street city road park "
         "money report data tax water bus library market night week story local news").split()


def text():
    length = rng.choice([8, 15, 25, 40, 60, 90, 130])
    words = [rng.choice(WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


g = sqlite3.connect(gazette_db)
article = g.execute("SELECT id, published_at FROM articles WHERE slug = ?", (slug,)).fetchone()
if not article:
    sys.exit(f"no article {slug}")
article_id, published = article
start = time.time() - 20 * 86_400
g.execute("DELETE FROM comments WHERE article_id = ?", (article_id,))
settings = json.loads(g.execute("SELECT value FROM settings WHERE key = 'site'").fetchone()[0])
settings.update({"premoderateComments": False, "holdFirstComment": False, "commentLevels": levels})
g.execute("UPDATE settings SET value = ? WHERE key = 'site'", (json.dumps(settings),))

# Threads first, then replies placed under a random comment of a random thread, nesting while
# the depth allows (as Gazette places them).
rows = []  # (index, parent index, depth, thread index)
for t in range(threads):
    rows.append((len(rows), None, 0, len(rows)))
by_thread = {i: [i] for i in range(threads)}
while len(rows) < total:
    root = rng.randrange(threads)
    parent = rng.choice(by_thread[root])
    depth = rows[parent][2] + 1
    if depth >= levels:
        parent = rows[parent][1]
        depth = levels - 1
    index = len(rows)
    rows.append((index, parent, depth, root))
    by_thread[root].append(index)

ids = {}
isso = sqlite3.connect(isso_db)
isso.execute("CREATE TABLE IF NOT EXISTS threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256))")
isso.execute("""CREATE TABLE IF NOT EXISTS comments (tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
    created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR, text VARCHAR NOT NULL, author VARCHAR,
    email VARCHAR, website VARCHAR, likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
    notification INTEGER DEFAULT 0)""")
isso.execute("INSERT OR IGNORE INTO threads (uri, title) VALUES (?, ?)", (uri, slug))
tid = isso.execute("SELECT id FROM threads WHERE uri = ?", (uri,)).fetchone()[0]
isso_ids = {}
for index, parent, depth, root in rows:
    body = text()
    html = "<p>" + body + "</p>"
    words = body.split()
    # The "Read more" cut Gazette keeps with each long comment (at the default 100 words).
    head = "<p>" + " ".join(words[:100]) + "</p>" if len(words) > 100 else None
    tail = "<p>" + " ".join(words[100:]) + "</p>" if len(words) > 100 else None
    created = start + index * (20 * 86_400 / total)
    up, down = rng.choice([0, 0, 0, 1, 2, 5]), rng.choice([0, 0, 1])
    author = f"Reader {rng.randrange(3000)}"
    email = author.lower().replace(" ", "") + "@example.org"
    cursor = g.execute(
        """INSERT INTO comments (article_id, parent_id, author_name, author_email, is_guest, body_markdown, body_html, status,
           network_hash, created_at, depth, thread_id, reply_to_id, pinned, upvotes, downvotes, score, reactions, thread_replies,
           flag_count, open_flags, word_count, cut_words, head_html, tail_html)
           VALUES (?, ?, ?, ?, 1, ?, ?, 'approved', NULL, ?, ?, ?, ?, 0, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)""",
        (article_id, ids.get(parent), author, email, body, html, created, depth, ids.get(root), ids.get(parent), up, down, up - down,
         up + down, len(words), 100 if head else 0, head, tail))
    ids[index] = cursor.lastrowid
    if parent is None:
        g.execute("UPDATE comments SET thread_id = id WHERE id = ?", (cursor.lastrowid,))
    # Isso nests one level: a reply's parent is its thread's first comment.
    isso_cursor = isso.execute(
        """INSERT INTO comments (tid, parent, created, modified, mode, remote_addr, text, author, email, website, likes, dislikes,
           voters, notification) VALUES (?, ?, ?, NULL, 1, '127.0.0.0', ?, ?, ?, NULL, ?, ?, ?, 0)""",
        (tid, isso_ids.get(root) if parent is not None else None, created, body, author, email, up, down, b""))
    isso_ids[index] = isso_cursor.lastrowid

g.execute("""UPDATE comments SET thread_replies = (SELECT count(*) FROM comments r WHERE r.thread_id = comments.id AND r.id <> comments.id
             AND r.status = 'approved') WHERE article_id = ? AND depth = 0""", (article_id,))
g.execute("DELETE FROM discussion_authors WHERE article_id = ?", (article_id,))
g.execute("""INSERT INTO discussion_authors (article_id, author_key, comments) SELECT article_id, author_email, count(*)
             FROM comments WHERE article_id = ? AND status = 'approved' GROUP BY author_email""", (article_id,))
g.execute("DELETE FROM discussion_stats WHERE article_id = ?", (article_id,))
g.execute("""INSERT INTO discussion_stats (article_id, comments, threads, replies, followers, authors) SELECT ?,
             (SELECT count(*) FROM comments WHERE article_id = ? AND status = 'approved'),
             (SELECT count(*) FROM comments WHERE article_id = ? AND status = 'approved' AND depth = 0),
             (SELECT count(*) FROM comments WHERE article_id = ? AND status = 'approved' AND depth > 0), 0,
             (SELECT count(*) FROM discussion_authors WHERE article_id = ?)""", (article_id,) * 5)
g.commit()
isso.commit()
depths = {}
for _, _, depth, _ in rows:
    depths[depth] = depths.get(depth, 0) + 1
print(f"{len(rows)} comments in {threads} threads; by depth {dict(sorted(depths.items()))}")
