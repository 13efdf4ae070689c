namespace Sextant.Bench.Compare;

/// <summary>An engine the compare mode asks the questions of.</summary>
internal interface IComparedEngine
{
    /// <summary>The name printed in the figures.</summary>
    string Name { get; }

    /// <summary>What a question's time covers on this engine, printed once.</summary>
    string Timed { get; }

    /// <summary>Answers one question and says how long it took (and the peak memory when known).</summary>
    Reply Ask(Question question);

    /// <summary>Why this engine's counts may legitimately differ from Sextant's, printed under any difference; null when they never should.</summary>
    string? Caveat { get; }
}

/// <summary>One engine's answer to one question in one round.</summary>
internal sealed record Reply(Answer Answer, TimeSpan Elapsed, long? PeakBytes = null);
