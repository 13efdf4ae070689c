namespace Sextant.Bench.Compare;

/// <summary>Prints the median times with their ratios, and whether every engine's counts equal Sextant's.</summary>
internal static class CompareReport
{
    private const int DifferencesShown = 20;

    public static void PrintTimes(List<IComparedEngine> engines, Dictionary<(string Engine, Question Question), List<Reply>> replies)
    {
        Console.WriteLine();
        Console.WriteLine($"median of {replies.Values.First().Count} rounds:");
        foreach (var question in Questions.All)
        {
            var medians = engines.Select(engine => (engine.Name, Seconds: Median(replies[(engine.Name, question)]))).ToList();
            var sextant = medians[0].Seconds;
            var ratios = medians.Skip(1).Select(other => other.Seconds >= sextant
                ? $"Sextant {other.Seconds / sextant:F1}× faster than {other.Name}"
                : $"Sextant {sextant / other.Seconds:F1}× slower than {other.Name}");
            var peaks = replies[(engines[0].Name, question)].Select(reply => reply.PeakBytes).OfType<long>().ToList();
            var memory = peaks.Count > 0 ? $" (Sextant peak {peaks.Max() / 1048576.0:F0} MiB)" : "";
            Console.WriteLine($"{Questions.Title(question)}: {string.Join(" · ", medians.Select(m => $"{m.Name} {m.Seconds:F2} s"))}" +
                $"{(medians.Count > 1 ? " → " + string.Join(", ", ratios) : "")}{memory}");
        }
    }

    /// <summary>True when every engine's first-round counts equal Sextant's for every question.</summary>
    public static bool PrintAnswerCheck(List<IComparedEngine> engines, Dictionary<(string Engine, Question Question), List<Reply>> replies)
    {
        Console.WriteLine();
        var equal = true;
        foreach (var question in Questions.All)
        {
            var expected = replies[(engines[0].Name, question)][0].Answer;
            foreach (var engine in engines.Skip(1))
            {
                var differences = replies[(engine.Name, question)][0].Answer.DifferencesFrom(expected, engines[0].Name, engine.Name);
                if (differences.Count == 0)
                {
                    Console.WriteLine($"{Questions.Title(question)}, {engine.Name}: answers equal ({expected.Counts.Count:N0} counts)");
                    continue;
                }
                equal = false;
                Console.WriteLine($"{Questions.Title(question)}, {engine.Name}: {differences.Count:N0} of {expected.Counts.Count:N0} counts differ");
                foreach (var difference in differences.Take(DifferencesShown)) Console.WriteLine($"  {difference}");
                if (differences.Count > DifferencesShown) Console.WriteLine($"  … and {differences.Count - DifferencesShown:N0} more");
                if (engine.Caveat is { } caveat) Console.WriteLine($"  ({caveat})");
            }
        }
        if (engines.Count > 1 && equal) Console.WriteLine("answers equal");
        return equal;
    }

    private static double Median(List<Reply> replies)
    {
        var seconds = replies.Select(reply => reply.Elapsed.TotalSeconds).Order().ToList();
        return seconds.Count % 2 == 1 ? seconds[seconds.Count / 2] : (seconds[seconds.Count / 2 - 1] + seconds[seconds.Count / 2]) / 2;
    }
}
