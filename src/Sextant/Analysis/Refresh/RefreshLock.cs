namespace Sextant.Analysis.Refresh;

/// <summary>
/// Keeps two refreshes of one store from running at once (a scheduled refresh overlapping one
/// run by hand): each holds <c>refresh.lock</c> in the refresh directory open exclusively while it
/// runs, and a second one stops with a one-line error instead of writing the same state file.
/// The lock goes with the process, so a killed refresh never leaves it held.
/// </summary>
internal sealed class RefreshLock : IDisposable
{
    public const string FileName = "refresh.lock";

    private readonly FileStream _file;

    private RefreshLock(FileStream file) => _file = file;

    /// <exception cref="SextantException">Another refresh holds the lock.</exception>
    public static RefreshLock Take(string directory, string storePath)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        try
        {
            return new RefreshLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1));
        }
        // 30: a read-only file system, which the command reports as such.
        catch (IOException exception) when (exception.HResult != 30 && exception is not PathTooLongException && File.Exists(path))
        {
            throw new SextantException($"another refresh of {storePath} is running (it holds {path}); run this one when it has finished", exception);
        }
    }

    public void Dispose() => _file.Dispose();
}
