using Sextant.Analysis.Refresh;
using Sextant.Events;
using Sextant.Storage;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;
using static Sextant.Tests.Analysis.Refresh.RefreshStores;

namespace Sextant.Tests.Analysis.Refresh;

public sealed class RefreshTests
{
    /// <summary>
    /// a1 browses anonymously on 30 March and signs up as u1 on the 31st (u1's first event, so
    /// sign-up, is the 30th); u2's profile says 15 March; u2's billing event is not activity; a2
    /// never signs up (a visitor: events, never an active user); u3 has a profile and no events.
    /// </summary>
    private static void WriteSmallStore(string path)
    {
        Append(path,
        [
            Event("e1", null, "view_page", "2025-03-30T10:00:00Z", anonymous: "a1"),
            Event("e2", "u1", "signup", "2025-03-31T09:00:00Z", anonymous: "a1"),
            Event("e3", "u1", "edit_page", "2025-04-01T12:00:00Z", revenue: 9.99m),
            Event("e4", "u2", "view_page", "2025-04-01T13:00:00Z", source: "app"),
            Event("e5", "u2", "billing_charge", "2025-04-02T08:00:00Z", revenue: 20m),
            Event("e6", null, "view_page", "2025-04-02T09:00:00Z", anonymous: "a2"),
        ], [Profile("u2", "2025-03-15T00:00:00Z"), Profile("u3", "2025-04-02T10:00:00Z")]);
    }

    [Fact]
    public void Full_refresh_of_a_hand_made_store_gives_the_numbers_worked_out_by_hand()
    {
        using var directory = new TempDirectory();
        var path = directory.File("s.db");
        WriteSmallStore(path);

        var result = RunRefresh(path, Utc, full: true);

        var quiet = string.Concat(Enumerable.Range(16, 14).Select(day => $"2025-03-{day:D2},0,0,0,0,true\n"));
        Assert.Equal(
            "day,events,active_users,signups,revenue,complete\n" +
            "2025-03-15,0,0,1,0,true\n" + quiet +
            "2025-03-30,1,1,1,0,true\n" +
            "2025-03-31,1,1,0,0,true\n" +
            "2025-04-01,2,2,0,9.99,true\n" +
            "2025-04-02,2,0,1,20,false\n", Text(path, RefreshCsv.DailySeries));
        Assert.Equal(
            "day,source,events,complete\n" +
            "2025-03-30,test,1,true\n" +
            "2025-03-31,test,1,true\n" +
            "2025-04-01,app,1,true\n" +
            "2025-04-01,test,1,true\n" +
            "2025-04-02,test,2,false\n", Text(path, RefreshCsv.DailySourceVolume));
        Assert.Equal(
            "cohort_month,activity_month,cohort_size,active_users,active_user_days,cohort_complete,complete\n" +
            "2025-03,2025-03,2,1,2,true,true\n" +
            "2025-03,2025-04,2,2,2,true,false\n" +
            "2025-04,2025-04,1,0,0,false,false\n", Text(path, RefreshCsv.CohortActivity));
        Assert.Equal(RefreshMode.Full, result.Mode);
        Assert.True(result.Verified);
        Assert.Equal(6, result.NewEvents);
        Assert.Equal(new RefreshPartitions(19, 0, 19), result.Days);
    }

    [Fact]
    public void The_reference_from_the_event_table_gives_the_same_hand_worked_numbers()
    {
        using var directory = new TempDirectory();
        var path = directory.File("s.db");
        WriteSmallStore(path);
        _ = RunRefresh(path, Utc);

        using var store = SqliteStore.OpenReadOnly(path);
        var reference = RefreshRunner.Render(RefreshRunner.Reference(store, path, Utc), Utc);

        Assert.Equal(Text(path, RefreshCsv.DailySeries), reference[0].Text);
        Assert.Contains("2025-04-01,2,2,0,9.99,true\n", reference[0].Text, StringComparison.Ordinal);
        Assert.Equal(Text(path, RefreshCsv.CohortActivity), reference[2].Text);
    }

    [Fact]
    public void A_refresh_with_no_new_data_reads_nothing_and_writes_nothing()
    {
        using var directory = new TempDirectory();
        var path = directory.File("s.db");
        WriteSmallStore(path);
        _ = RunRefresh(path, Utc);
        var refreshDirectory = RefreshRunner.DirectoryFor(path);
        var before = Directory.GetFiles(refreshDirectory).Order(StringComparer.Ordinal)
            .Select(file => (file, File.GetLastWriteTimeUtc(file), File.ReadAllBytes(file))).ToList();

        var result = RunRefresh(path, Utc);

        Assert.Equal(RefreshMode.Unchanged, result.Mode);
        Assert.Equal(0, result.NewEvents);
        Assert.Equal(0, result.Days.Recomputed);
        Assert.Equal(0, result.Cohorts.Recomputed);
        var after = Directory.GetFiles(refreshDirectory).Order(StringComparer.Ordinal)
            .Select(file => (file, File.GetLastWriteTimeUtc(file), File.ReadAllBytes(file))).ToList();
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i].file, after[i].file);
            Assert.Equal(before[i].Item2, after[i].Item2);
            Assert.Equal(before[i].Item3, after[i].Item3);
        }
    }

    /// <summary>u1 signs up in January, u2 on 5 February; events on most days of both months, up to 10 February.</summary>
    private static string TwoMonthStore(TempDirectory directory)
    {
        var path = directory.File("s.db");
        var events = new List<EventRecord>();
        for (var day = 1; day <= 41; day++)
        {
            var date = new DateOnly(2025, 1, 1).AddDays(day - 1);
            events.Add(Event($"u1-{day}", "u1", "edit_page", $"{date:yyyy-MM-dd}T10:00:00Z"));
            if (date >= new DateOnly(2025, 2, 5)) events.Add(Event($"u2-{day}", "u2", "view_page", $"{date:yyyy-MM-dd}T11:00:00Z"));
        }
        events.Add(Event("v1", null, "view_page", "2025-01-03T08:00:00Z", anonymous: "a9"));
        events.Add(Event("v2", null, "view_page", "2024-12-31T08:00:00Z", anonymous: "a9"));
        Append(path, events);
        return path;
    }

    [Fact]
    public void A_day_and_month_that_end_right_after_the_latest_event_are_complete()
    {
        using var directory = new TempDirectory();
        var path = directory.File("edge.db");
        Append(path,
        [
            Event("e1", "u1", "view_page", "2025-01-30T12:00:00Z"),
            Event("e2", "u1", "edit_page", "2025-01-31T23:59:59.999999Z"),
        ]);
        _ = RunRefresh(path, Utc);

        Assert.Equal("""
            day,events,active_users,signups,revenue,complete
            2025-01-30,1,1,1,0,true
            2025-01-31,1,1,0,0,true

            """.ReplaceLineEndings("\n"), Text(path, RefreshCsv.DailySeries));
        Assert.Equal("""
            cohort_month,activity_month,cohort_size,active_users,active_user_days,cohort_complete,complete
            2025-01,2025-01,1,1,2,true,true

            """.ReplaceLineEndings("\n"), Text(path, RefreshCsv.CohortActivity));
        AssertEqualsFullRecompute(path, Utc);
    }

    [Fact]
    public void Appending_one_day_recomputes_that_day_and_its_cohort_month_only()
    {
        using var directory = new TempDirectory();
        var path = TwoMonthStore(directory);
        _ = RunRefresh(path, Utc);

        Append(path, [Event("n1", "u1", "edit_page", "2025-02-11T09:00:00Z"), Event("n2", "u1", "comment", "2025-02-11T09:30:00Z")]);
        var result = RunRefresh(path, Utc);

        Assert.Equal(RefreshMode.Incremental, result.Mode);
        Assert.Equal(2, result.NewEvents);
        // Days 31 Dec (a9's visit) to 11 Feb; only 11 Feb is new.
        Assert.Equal(new RefreshPartitions(43, 42, 1), result.Days);
        // Cohort rows (Jan, Jan), (Jan, Feb), (Feb, Feb): only u1's February cell changed.
        Assert.Equal(new RefreshPartitions(3, 2, 1), result.Cohorts);
        AssertEqualsFullRecompute(path, Utc);
    }

    [Fact]
    public void A_late_event_recomputes_its_own_earlier_day()
    {
        using var directory = new TempDirectory();
        var path = TwoMonthStore(directory);
        _ = RunRefresh(path, Utc);

        Append(path, [Event("late", "u2", "view_page", "2025-02-01T09:00:00Z")]);
        var result = RunRefresh(path, Utc);

        Assert.Equal(RefreshMode.Incremental, result.Mode);
        // u2's sign-up moves from 5 to 1 February: the event's day and the old sign-up day change.
        Assert.Equal(2, result.Days.Recomputed);
        Assert.Contains("2025-02-01,2,2,1,0,true\n", Text(path, RefreshCsv.DailySeries), StringComparison.Ordinal);
        Assert.Contains("2025-02-05,2,2,0,0,true\n", Text(path, RefreshCsv.DailySeries), StringComparison.Ordinal);
        AssertEqualsFullRecompute(path, Utc);
    }

    [Fact]
    public void A_new_identity_link_moves_an_anonymous_history_into_the_user_and_reopens_its_days()
    {
        using var directory = new TempDirectory();
        var path = TwoMonthStore(directory);
        _ = RunRefresh(path, Utc);
        Assert.Contains("2025-01-02,1,1,0,0,true\n", Text(path, RefreshCsv.DailySeries), StringComparison.Ordinal);

        // a9 visited on 31 Dec and 3 Jan; now it signs in as u2.
        Append(path, [Event("link", "u2", "view_page", "2025-02-11T09:00:00Z", anonymous: "a9")]);
        var result = RunRefresh(path, Utc);

        Assert.Equal(RefreshMode.Incremental, result.Mode);
        var series = Text(path, RefreshCsv.DailySeries);
        // u2 now signed up on 31 Dec (a9's first visit) and was active on 3 Jan besides u1.
        Assert.Contains("2024-12-31,1,1,1,0,true\n", series, StringComparison.Ordinal);
        Assert.Contains("2025-01-03,2,2,0,0,true\n", series, StringComparison.Ordinal);
        Assert.Contains("2025-02-05,2,2,0,0,true\n", series, StringComparison.Ordinal);
        // 31 Dec, 3 Jan, 5 Feb (old sign-up), 11 Feb (new event).
        Assert.Equal(4, result.Days.Recomputed);
        AssertEqualsFullRecompute(path, Utc);
    }

    [Fact]
    public void A_changed_profile_sign_up_moves_the_user_between_cohorts()
    {
        using var directory = new TempDirectory();
        var path = TwoMonthStore(directory);
        _ = RunRefresh(path, Utc);

        Append(path, [], [Profile("u2", "2025-01-20T00:00:00Z")]);
        var result = RunRefresh(path, Utc);

        Assert.Equal(RefreshMode.Incremental, result.Mode);
        Assert.Equal(0, result.NewEvents);
        Assert.Contains("2025-01,2025-02,2,2,16,true,false\n", Text(path, RefreshCsv.CohortActivity), StringComparison.Ordinal);
        Assert.DoesNotContain("2025-02,2025-02", Text(path, RefreshCsv.CohortActivity), StringComparison.Ordinal);
        AssertEqualsFullRecompute(path, Utc);
    }

    [Fact]
    public void A_changed_time_zone_or_excluded_events_makes_the_next_refresh_full()
    {
        using var directory = new TempDirectory();
        var path = TwoMonthStore(directory);
        _ = RunRefresh(path, Utc);

        var zone = RunRefresh(path, Utc with { Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York") });
        var excluded = RunRefresh(path, Utc with { ExcludeEvents = ["edit_page"] });

        Assert.Equal(RefreshMode.Full, zone.Mode);
        Assert.Contains("timezone", zone.Reason, StringComparison.Ordinal);
        Assert.Equal(RefreshMode.Full, excluded.Mode);
        Assert.Contains("exclude_events", excluded.Reason, StringComparison.Ordinal);
        Assert.Contains("2025-01-02,1,0,0,0,true\n", Text(path, RefreshCsv.DailySeries), StringComparison.Ordinal);
    }

    [Fact]
    public void An_erasure_makes_the_next_refresh_full()
    {
        using var directory = new TempDirectory();
        var path = TwoMonthStore(directory);
        _ = RunRefresh(path, Utc);
        using (var store = SqliteStore.Open(path, create: false))
            store.Erase(new ErasureRequest(["u2"], [], "test", At("2025-03-01T00:00:00Z"), 0));

        var result = RunRefresh(path, Utc);

        Assert.Equal(RefreshMode.Full, result.Mode);
        Assert.Contains("erasure", result.Reason, StringComparison.Ordinal);
        Assert.Contains("2025-02-05,1,1,0,0,true\n", Text(path, RefreshCsv.DailySeries), StringComparison.Ordinal);
        AssertEqualsFullRecompute(path, Utc);
    }

    [Fact]
    public void A_damaged_state_file_makes_the_next_refresh_full()
    {
        using var directory = new TempDirectory();
        var path = TwoMonthStore(directory);
        _ = RunRefresh(path, Utc);
        var state = RefreshStateFile.CurrentPath(RefreshRunner.DirectoryFor(path))!;
        var bytes = File.ReadAllBytes(state);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(state, bytes);

        var result = RunRefresh(path, Utc);

        Assert.Equal(RefreshMode.Full, result.Mode);
        Assert.Contains("damaged", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(100)]
    public void A_truncated_state_file_makes_the_next_refresh_full(int keep)
    {
        using var directory = new TempDirectory();
        var path = TwoMonthStore(directory);
        _ = RunRefresh(path, Utc);
        var before = Files(path);
        var state = RefreshStateFile.CurrentPath(RefreshRunner.DirectoryFor(path))!;
        var bytes = File.ReadAllBytes(state);
        File.WriteAllBytes(state, bytes[..Math.Min(keep, bytes.Length - 1)]);

        var result = RunRefresh(path, Utc);

        Assert.Equal(RefreshMode.Full, result.Mode);
        Assert.Contains("damaged", result.Reason, StringComparison.Ordinal);
        Assert.Equal(before, Files(path));
    }

    [Fact]
    public void A_state_file_of_another_format_makes_the_next_refresh_full()
    {
        using var directory = new TempDirectory();
        var path = TwoMonthStore(directory);
        _ = RunRefresh(path, Utc);
        var state = RefreshStateFile.CurrentPath(RefreshRunner.DirectoryFor(path))!;
        var bytes = File.ReadAllBytes(state);
        bytes[4] = 1;
        File.WriteAllBytes(state, bytes);

        var result = RunRefresh(path, Utc);

        Assert.Equal(RefreshMode.Full, result.Mode);
        Assert.Contains("another format", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refreshes_alternate_between_two_state_files_and_the_newer_generation_is_the_state()
    {
        using var directory = new TempDirectory();
        var path = TwoMonthStore(directory);
        var refreshDirectory = RefreshRunner.DirectoryFor(path);
        _ = RunRefresh(path, Utc);
        Assert.Equal(Path.Combine(refreshDirectory, "state.1.bin"), RefreshStateFile.CurrentPath(refreshDirectory));
        Assert.False(File.Exists(Path.Combine(refreshDirectory, "state.0.bin")));

        Append(path, [Event("n1", "u1", "edit_page", "2025-02-11T09:00:00Z")]);
        Assert.Equal(RefreshMode.Incremental, RunRefresh(path, Utc).Mode);
        Assert.Equal(Path.Combine(refreshDirectory, "state.0.bin"), RefreshStateFile.CurrentPath(refreshDirectory));

        Append(path, [Event("n2", "u1", "comment", "2025-02-12T09:00:00Z")]);
        Assert.Equal(RefreshMode.Incremental, RunRefresh(path, Utc).Mode);
        Assert.Equal(Path.Combine(refreshDirectory, "state.1.bin"), RefreshStateFile.CurrentPath(refreshDirectory));
        Assert.Equal(RefreshMode.Unchanged, RunRefresh(path, Utc).Mode);
        AssertEqualsFullRecompute(path, Utc);
    }

    [Fact]
    public void A_state_written_but_not_committed_leaves_the_previous_state_current()
    {
        using var directory = new TempDirectory();
        var path = TwoMonthStore(directory);
        var refreshDirectory = RefreshRunner.DirectoryFor(path);
        _ = RunRefresh(path, Utc);
        var current = RefreshStateFile.CurrentPath(refreshDirectory);

        // As a refresh killed after writing its state and before making it current.
        var written = RefreshStateFile.WriteNext(new RefreshState(Utc.Fingerprint), refreshDirectory);

        Assert.NotEqual(current, written.Path);
        Assert.Equal(current, RefreshStateFile.CurrentPath(refreshDirectory));
        Assert.Equal(RefreshMode.Unchanged, RunRefresh(path, Utc).Mode);
        Append(path, [Event("n1", "u1", "edit_page", "2025-02-11T09:00:00Z")]);
        Assert.Equal(RefreshMode.Incremental, RunRefresh(path, Utc).Mode);
        Assert.Equal(written.Path, RefreshStateFile.CurrentPath(refreshDirectory));
        AssertEqualsFullRecompute(path, Utc);
    }

    [Fact]
    public void A_state_file_of_the_earlier_single_file_format_is_replaced_by_a_full_refresh()
    {
        using var directory = new TempDirectory();
        var path = TwoMonthStore(directory);
        var refreshDirectory = RefreshRunner.DirectoryFor(path);
        Directory.CreateDirectory(refreshDirectory);
        File.WriteAllBytes(Path.Combine(refreshDirectory, "state.bin"), [.. "SXRF"u8, 2, 0, 0, 0, 1, 2, 3]);

        var result = RunRefresh(path, Utc);

        Assert.Equal(RefreshMode.Full, result.Mode);
        Assert.Equal("no earlier refresh state", result.Reason);
        Assert.False(File.Exists(Path.Combine(refreshDirectory, "state.bin")));
    }

    [Fact]
    public void A_second_refresh_while_one_runs_stops_with_one_line_and_changes_nothing()
    {
        using var directory = new TempDirectory();
        var path = TwoMonthStore(directory);
        _ = RunRefresh(path, Utc);
        Append(path, [Event("n1", "u1", "edit_page", "2025-02-11T09:00:00Z")]);
        var before = Files(path);
        var lockPath = Path.Combine(RefreshRunner.DirectoryFor(path), RefreshLock.FileName);

        using (new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var error = Assert.Throws<SextantException>(() => RunRefresh(path, Utc));
            Assert.Equal($"another refresh of {path} is running (it holds {lockPath}); run this one when it has finished", error.Message);
            Assert.Equal(before, Files(path));
        }

        Assert.Equal(RefreshMode.Incremental, RunRefresh(path, Utc).Mode);
        AssertEqualsFullRecompute(path, Utc);
    }

    /// <summary>The refresh's files equal, byte for byte, those of a full recompute verified against the event table.</summary>
    internal static void AssertEqualsFullRecompute(string path, RefreshSettings settings)
    {
        var incremental = Files(path);
        var full = RunRefresh(path, settings, full: true);
        Assert.True(full.Verified);
        var recomputed = Files(path);
        for (var i = 0; i < incremental.Length; i++) Assert.Equal(recomputed[i], incremental[i]);
    }
}
