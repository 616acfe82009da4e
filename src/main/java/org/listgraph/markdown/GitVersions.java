package org.listgraph.markdown;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.listgraph.entry.BadInputException;
import org.listgraph.entry.GitCommit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The past versions of list files, read from the git repository that holds them with JGit (no git binary): the commits
 * of the first-parent line from HEAD, and each file's blob at each of them, following renames.
 */
public final class GitVersions implements AutoCloseable {
    private final Repository repo;
    private final Path workTree;
    private final Map<String, RevCommit> commits = new HashMap<>();

    private GitVersions(Repository repo) {
        this.repo = repo;
        this.workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
    }

    /** The repository {@code folder} is in; not being in one, or one with no commit yet, is a user mistake said in one line. */
    public static GitVersions open(Path folder) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(folder.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new BadInputException(folder + ": error: not inside a git repository; history reads the lists' past versions from "
                    + "git: run it on a lists folder that git keeps");
        }
        try {
            Repository repo = builder.build();
            if (repo.isBare() || repo.resolve(Constants.HEAD) == null) {
                repo.close();
                throw new BadInputException(folder + ": error: the git repository has no commit yet (or no work tree); commit the lists first");
            }
            return new GitVersions(repo);
        } catch (IOException e) {
            throw new BadInputException(folder + ": error: cannot read its git repository (" + e.getMessage() + ")", e);
        }
    }

    /** A file's path relative to the repository's top, with '/' as git writes it; null when the file is outside it. */
    public String pathInRepository(Path file) {
        Path p = file.toAbsolutePath().normalize();
        try {
            p = p.toRealPath();
        } catch (IOException e) {
            // not there (any more): the path as given
        }
        Path top = workTree;
        try {
            top = workTree.toRealPath();
        } catch (IOException e) {
            // keep the path as JGit gave it
        }
        if (!p.startsWith(top)) return null;
        return top.relativize(p).toString().replace(java.io.File.separatorChar, '/');
    }

    /** The commits of the first-parent line from HEAD back to the first commit, oldest first. */
    public List<GitCommit> firstParentLine() {
        List<GitCommit> line = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(repo.resolve(Constants.HEAD));
            while (c != null) {
                commits.put(c.name(), c);
                line.add(commit(c));
                c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.reverse(line);
        return line;
    }

    private static GitCommit commit(RevCommit c) {
        PersonIdent who = c.getAuthorIdent();
        String name = who.getName() == null || who.getName().isBlank() ? "unknown" : who.getName();
        String email = who.getEmailAddress() == null ? "" : who.getEmailAddress().toLowerCase(Locale.ROOT);
        return new GitCommit(c.name(), who.getWhenAsInstant(), name, ListFiles.sha256(email.getBytes(StandardCharsets.UTF_8)).substring(0, 16), c.getShortMessage());
    }

    /** A file at one commit: its path then and its blob, or a null blob where the file was not there. */
    public record Version(GitCommit commit, String path, String blob) {
    }

    /**
     * The file at {@code pathAtHead} at each commit of {@code line} from index {@code from} on (oldest first), as
     * {@link #firstParentLine} gave it: walking back from HEAD, a file that a commit renamed is followed to its earlier
     * path; where the file was not there (before it was added, or between a deletion and its coming back), its blob is null.
     */
    public List<Version> versions(String pathAtHead, List<GitCommit> line, int from) {
        List<Version> out = new ArrayList<>();
        String path = pathAtHead; // never null: a file absent at a commit is looked for at the same path further back
        try {
            for (int i = line.size() - 1; i >= from; i--) {
                RevCommit c = commits.get(line.get(i).id());
                ObjectId blob = path == null ? null : blob(c, path);
                out.add(new Version(line.get(i), path, blob == null ? null : blob.name()));
                if (blob == null) continue; // not there at this commit: deleted, and perhaps there again further back
                if (i > 0 && blob(commits.get(line.get(i - 1).id()), path) == null) {
                    String earlier = renamedFrom(commits.get(line.get(i - 1).id()), c, path);
                    if (earlier != null) path = earlier; // else added here: perhaps there before, deleted in between, at this path
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.reverse(out);
        return out;
    }

    /** The bytes of a blob, refused (a {@link BadInputException}) over {@code maxBytes}. */
    public byte[] bytes(String blob, String path, long maxBytes) {
        try {
            var loader = repo.open(ObjectId.fromString(blob), Constants.OBJ_BLOB);
            LimitCheck.checkSize(path, loader.getSize(), maxBytes);
            return loader.getBytes();
        } catch (org.eclipse.jgit.errors.MissingObjectException e) {
            throw new MissingHistory(path + ": error: git has not got an earlier version of this file here (a partial clone, "
                    + "--filter=blob:none?); fetch the history whole (git fetch --refetch) and run again");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** History this clone does not hold: a user's matter, said in one line, not a version to skip. */
    public static final class MissingHistory extends BadInputException {
        MissingHistory(String message) {
            super(message);
        }
    }

    /**
     * Refuses a shallow clone (git clone --depth, as CI checkouts make): its oldest commit would pass for the one that
     * added everything before it.
     */
    public void requireWholeHistory(Path folder) {
        try {
            if (!repo.getObjectDatabase().getShallowCommits().isEmpty()) {
                throw new BadInputException(folder + ": error: the repository is a shallow clone, so its history is cut short and every "
                        + "older entry would be dated to its first commit; fetch it whole (git fetch --unshallow) and run again");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectId blob(RevCommit c, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
            return tw == null || (tw.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) ? null : tw.getObjectId(0);
        }
    }

    /** The path {@code path} had in {@code parent}, when {@code child} renamed it there; null when {@code child} added it. */
    private String renamedFrom(RevCommit parent, RevCommit child, String path) throws IOException {
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(parent.getTree());
            tw.addTree(child.getTree());
            tw.setRecursive(true);
            RenameDetector renames = new RenameDetector(repo);
            renames.setRenameScore(50); // git's own threshold (JGit's default is 60): a rename that changed half the lines is one
            renames.addAll(DiffEntry.scan(tw));
            for (DiffEntry d : renames.compute()) {
                if (d.getChangeType() == DiffEntry.ChangeType.RENAME && d.getNewPath().equals(path)) return d.getOldPath();
            }
        }
        return null;
    }

    @Override
    public void close() {
        repo.close();
    }
}
