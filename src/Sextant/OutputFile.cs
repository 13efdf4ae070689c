using System.Text;

namespace Sextant;

/// <summary>
/// How every output file is written: into a temporary file next to it, then renamed over the
/// target, so a reader (or a run stopped half way) never sees a half-written file. Disk and
/// permission failures become a <see cref="SextantException"/> naming the path.
/// </summary>
internal static class OutputFile
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Creates <paramref name="directory"/> and its parents, or says in one line why it cannot.</summary>
    public static void CreateDirectory(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new SextantException("the output directory is empty: expected a directory path");
        if (File.Exists(directory)) throw new SextantException($"cannot write into {directory}: it is a file, expected a directory");
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A parent that is a file is the usual cause; name it rather than the errno text.
            for (var parent = Path.GetDirectoryName(Path.GetFullPath(directory)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
                if (File.Exists(parent)) throw new SextantException($"cannot create the directory {directory}: {parent} is a file, expected a directory", e);
            throw Failure(e, directory);
        }
    }

    /// <summary>Writes <paramref name="content"/> as UTF-8 without a BOM.</summary>
    public static void WriteText(string path, string content) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
        writer.Write(content);
    });

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    public static void WriteBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>Writes the file with <paramref name="write"/> into a temporary file, then moves it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        using var cleanup = ExitCleanup.Register(() => File.Delete(temporary));
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                write(stream);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure(e, path);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>The one-line error for an IO failure while writing <paramref name="path"/>.</summary>
    public static SextantException Failure(Exception error, string path)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new SextantException($"cannot write {path}: {Reason(error)}", error);
    }

    /// <summary>A short reason for an IO failure: disk full, permission denied, read-only, or the system's message.</summary>
    public static string Reason(Exception error) => error switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "its directory does not exist",
        IOException io when IsDiskFull(io) => "the disk is full",
        IOException { HResult: ReadOnlyFileSystem } => "the file system is read-only",
        _ => error.Message,
    };

    /// <summary>Whether <paramref name="error"/> says the disk (or the user's quota) is full.</summary>
    public static bool IsDiskFull(IOException error) =>
        // The errno on Unix (ENOSPC, EDQUOT); ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL as HRESULTs on Windows.
        error.HResult is NoSpace or QuotaExceeded or unchecked((int)0x80070027) or unchecked((int)0x80070070);

    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int QuotaExceeded = 122;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing was renamed into place; a stray hidden temporary file is all that remains.
        }
    }
}
