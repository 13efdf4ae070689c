using System.Collections.Concurrent;

namespace Sextant;

/// <summary>
/// Work to undo when the process is stopped early (Ctrl-C, SIGTERM): temporary files that were
/// never renamed into place, browsers that were started. The command registers a handler that
/// calls <see cref="RunAll"/> before it exits; normal code paths clean up on their own and drop
/// their registration.
/// </summary>
internal static class ExitCleanup
{
    private static readonly ConcurrentDictionary<long, Action> Actions = new();
    private static long _next;

    /// <summary>Registers <paramref name="action"/>; disposing the result unregisters it without running it.</summary>
    public static IDisposable Register(Action action)
    {
        var key = Interlocked.Increment(ref _next);
        Actions[key] = action;
        return new Registration(key);
    }

    /// <summary>Runs and removes every registered action; one that fails does not stop the others.</summary>
    public static void RunAll()
    {
        foreach (var key in Actions.Keys)
        {
            if (!Actions.TryRemove(key, out var action)) continue;
            try
            {
                action();
            }
            catch (Exception)
            {
                // The process is on its way out; the remaining actions matter more than this failure.
            }
        }
    }

    private sealed class Registration(long key) : IDisposable
    {
        public void Dispose() => Actions.TryRemove(key, out _);
    }
}
