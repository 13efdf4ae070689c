using Sextant.Configuration;

namespace Sextant.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    private const string Source = "sextant.yaml";

    private static SextantConfig Parse(string yaml) => ConfigLoader.Parse(yaml, Source);

    private static string ErrorOf(string yaml) => Assert.Throws<SextantException>(() => Parse(yaml)).Message;

    [Theory]
    [InlineData("")]
    [InlineData("# nothing set yet\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    [InlineData("NULL\n")]
    public void Empty_file_gives_every_default(string yaml)
    {
        var config = Parse(yaml);

        Assert.Equal(SextantConfig.Default, config);
        Assert.Equal("UTC", config.TimeZoneId);
        Assert.Equal("sextant.db", config.Store);
        Assert.Equal("UTC", config.Ingest.TimeZoneId);
        Assert.Equal("auto", config.Ingest.TimeUnit);
        Assert.Equal(65536, config.Ingest.BatchSize);
        Assert.Null(config.Ingest.Quarantine);
        Assert.Empty(config.Ingest.Map.Events);
        Assert.Empty(config.Ingest.Map.Users);
        Assert.Empty(config.Ingest.Map.Subscriptions);
        Assert.Empty(config.Ingest.Map.Assignments);
        Assert.Empty(config.Activity.ExcludeEvents);
        Assert.Empty(config.Check.AcceptedValues.Segment);
        Assert.Empty(config.Check.AcceptedValues.Channel);
        Assert.Empty(config.Check.AcceptedValues.Plan);
        Assert.Null(config.Business.Mau);
        Assert.Equal(0.10, config.Business.Growth);
    }

    [Fact]
    public void Every_key_set_in_the_file_is_read()
    {
        const string yaml = """
            timezone: Europe/Paris
            store: data/product.db
            ingest:
              timezone: America/New_York
              time_unit: ms
              batch_size: 10000
              quarantine: rejected.jsonl
              map:
                events: {uid: user_id, ts: timestamp}
                users:
                  id: user_id
                  created: signup_at
                subscriptions: {sub: subscription_id}
                assignments: {variant_name: variant}
            activity:
              exclude_events: [invoice_paid, email_sent]
            check:
              accepted_values:
                segment: [individual, enterprise]
                channel:
                  - organic
                  - referral
                plan: [free, plus]
            business:
              mau: 2_500_000
              growth: -0.05
            """;

        var config = Parse(yaml);

        Assert.Equal("Europe/Paris", config.TimeZoneId);
        Assert.Equal(TimeSpan.FromHours(2), config.TimeZone.GetUtcOffset(new DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("data/product.db", config.Store);
        Assert.Equal("America/New_York", config.Ingest.TimeZoneId);
        Assert.Equal("ms", config.Ingest.TimeUnit);
        Assert.Equal(10_000, config.Ingest.BatchSize);
        Assert.Equal("rejected.jsonl", config.Ingest.Quarantine);
        Assert.Equal(new Dictionary<string, string> { ["uid"] = "user_id", ["ts"] = "timestamp" }, config.Ingest.Map.Events);
        Assert.Equal(new Dictionary<string, string> { ["id"] = "user_id", ["created"] = "signup_at" }, config.Ingest.Map.Users);
        Assert.Equal(new Dictionary<string, string> { ["sub"] = "subscription_id" }, config.Ingest.Map.Subscriptions);
        Assert.Equal(new Dictionary<string, string> { ["variant_name"] = "variant" }, config.Ingest.Map.Assignments);
        Assert.Same(config.Ingest.Map.Users, config.Ingest.Map.For(Sextant.Events.RecordKind.Users));
        Assert.Equal(["invoice_paid", "email_sent"], config.Activity.ExcludeEvents);
        Assert.Equal(["individual", "enterprise"], config.Check.AcceptedValues.Segment);
        Assert.Equal(["organic", "referral"], config.Check.AcceptedValues.Channel);
        Assert.Equal(["free", "plus"], config.Check.AcceptedValues.Plan);
        Assert.Equal(2_500_000, config.Business.Mau);
        Assert.Equal(-0.05, config.Business.Growth);
    }

    [Fact]
    public void Explicit_nulls_keep_the_defaults()
    {
        const string yaml = """
            timezone: ~
            store: null
            ingest:
              quarantine:
              map:
                events:
            activity:
              exclude_events:
            business:
            """;

        Assert.Equal(SextantConfig.Default, Parse(yaml));
    }

    [Fact]
    public void Unknown_top_level_key_is_named_with_its_line_and_the_keys_that_exist()
    {
        const string yaml = """
            timezone: UTC
            store: sextant.db
            ingest:
              time_unit: s
            business:
              mau: 1000
            activty:
              exclude_events: [billing]
            """;

        Assert.Equal(
            "sextant.yaml line 7: unknown key 'activty' (expected one of: timezone, store, pushdown, ingest, privacy, activity, activation, north_star, features, milestones, funnels, experiments, cohorts, growth, health, check, business, tests, alerts)",
            ErrorOf(yaml));
    }

    [Fact]
    public void Unknown_nested_key_is_named_by_its_dotted_path_and_line()
    {
        const string yaml = """
            ingest:
              timezone: UTC
              tim_unit: s
            """;

        Assert.Equal(
            "sextant.yaml line 3: unknown key 'ingest.tim_unit' (expected one of: timezone, time_unit, batch_size, quarantine, map, decimal_comma, thousands_separator)",
            ErrorOf(yaml));
    }

    [Fact]
    public void Unknown_key_two_levels_down_is_named_by_its_full_path()
    {
        const string yaml = """
            check:
              accepted_values:
                segment: [a]
                country: [FR]
            """;

        Assert.Equal(
            "sextant.yaml line 4: unknown key 'check.accepted_values.country' (expected one of: segment, channel, plan)",
            ErrorOf(yaml));
    }

    [Fact]
    public void A_list_used_as_a_key_is_an_error_naming_its_section()
    {
        const string yaml = """
            ingest:
              ? [time_unit, batch_size]
              : s
            """;

        Assert.Equal(
            "sextant.yaml line 2: 'ingest' keys must be names, got a list (expected one of: timezone, time_unit, batch_size, quarantine, map, decimal_comma, thousands_separator)",
            ErrorOf(yaml));
    }

    [Fact]
    public void Keys_are_case_sensitive()
    {
        Assert.StartsWith("sextant.yaml line 1: unknown key 'Timezone'", ErrorOf("Timezone: UTC\n"));
    }

    [Fact]
    public void A_word_where_a_number_is_expected_is_an_error_naming_key_and_value()
    {
        const string yaml = """
            business:
              growth: 0.1
              mau: ten
            """;

        Assert.Equal("sextant.yaml line 3: 'business.mau' expects a positive number, got 'ten'", ErrorOf(yaml));
    }

    [Fact]
    public void A_word_where_a_whole_number_is_expected_is_an_error()
    {
        Assert.Equal(
            "sextant.yaml line 2: 'ingest.batch_size' expects a whole number from 1000 to 1000000, got '2.5k'",
            ErrorOf("ingest:\n  batch_size: 2.5k\n"));
    }

    [Fact]
    public void A_list_where_a_string_is_expected_is_an_error()
    {
        Assert.Equal(
            "sextant.yaml line 1: 'store' expects a non-empty string, got a list",
            ErrorOf("store: [a.db, b.db]\n"));
    }

    [Fact]
    public void A_mapping_where_a_list_is_expected_is_an_error_on_the_key_line()
    {
        const string yaml = """
            activity:
              exclude_events:
                billing: true
            """;

        Assert.Equal("sextant.yaml line 2: 'activity.exclude_events' expects a list, got a mapping", ErrorOf(yaml));
    }

    [Fact]
    public void A_single_word_where_a_list_is_expected_is_an_error()
    {
        Assert.Equal(
            "sextant.yaml line 2: 'activity.exclude_events' expects a list, got 'billing'",
            ErrorOf("activity:\n  exclude_events: billing\n"));
    }

    [Fact]
    public void A_list_where_a_section_is_expected_is_an_error()
    {
        Assert.Equal(
            "sextant.yaml line 1: 'ingest' expects a mapping of settings, got a list",
            ErrorOf("ingest: [s, ms]\n"));
    }

    [Fact]
    public void A_list_where_a_column_map_is_expected_is_an_error()
    {
        Assert.Equal(
            "sextant.yaml line 3: 'ingest.map.events' expects a mapping of name: value pairs, got a list",
            ErrorOf("ingest:\n  map:\n    events: [uid]\n"));
    }

    [Fact]
    public void A_column_map_entry_without_a_target_column_is_an_error()
    {
        const string yaml = """
            ingest:
              map:
                users:
                  id: user_id
                  created:
            """;

        Assert.Equal(
            "sextant.yaml line 5: 'ingest.map.users.created' expects a non-empty string, got nothing",
            ErrorOf(yaml));
    }

    [Fact]
    public void A_column_map_entry_with_an_empty_source_name_is_an_error()
    {
        Assert.Equal(
            "sextant.yaml line 3: 'ingest.map.events' has a key that is not a non-empty name: ''",
            ErrorOf("ingest:\n  map:\n    events: {'': user_id}\n"));
    }

    [Fact]
    public void An_empty_item_in_a_list_is_an_error_naming_its_position()
    {
        const string yaml = """
            check:
              accepted_values:
                plan:
                  - free
                  -
                  - plus
            """;

        Assert.Equal(
            "sextant.yaml line 5: 'check.accepted_values.plan[1]' expects a non-empty string, got nothing",
            ErrorOf(yaml));
    }

    [Fact]
    public void Unknown_time_zone_is_an_error()
    {
        Assert.Equal(
            "sextant.yaml line 2: 'timezone' expects an IANA time zone name, got 'Mars/Base'",
            ErrorOf("store: sextant.db\ntimezone: Mars/Base\n"));
    }

    [Fact]
    public void Unknown_import_time_zone_is_an_error()
    {
        Assert.Equal(
            "sextant.yaml line 2: 'ingest.timezone' expects an IANA time zone name, got 'CEST'",
            ErrorOf("ingest:\n  timezone: CEST\n"));
    }

    [Fact]
    public void Windows_time_zone_names_are_refused_so_a_file_means_the_same_everywhere()
    {
        Assert.Equal(
            "sextant.yaml line 1: 'timezone' expects an IANA time zone name, got 'Romance Standard Time'",
            ErrorOf("timezone: Romance Standard Time\n"));
    }

    [Fact]
    public void Unknown_time_unit_is_an_error_listing_the_units()
    {
        Assert.Equal(
            "sextant.yaml line 3: 'ingest.time_unit' expects one of auto | s | ms | us | ns, got 'sec'",
            ErrorOf("ingest:\n  batch_size: 1000\n  time_unit: sec\n"));
    }

    [Fact]
    public void Negative_mau_is_an_error()
    {
        Assert.Equal(
            "sextant.yaml line 2: 'business.mau' expects a positive number, got '-5'",
            ErrorOf("business:\n  mau: -5\n"));
    }

    [Fact]
    public void Business_arpu_is_not_a_setting_because_nothing_used_it()
    {
        Assert.StartsWith("sextant.yaml line 2: unknown key 'business.arpu'", ErrorOf("business:\n  arpu: 96\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("0")]
    public void Mau_must_be_a_finite_positive_number(string mau)
    {
        Assert.Equal(
            $"sextant.yaml line 1: 'business.mau' expects a positive number, got '{mau}'",
            ErrorOf($"business: {{mau: {mau}}}\n"));
    }

    [Fact]
    public void Growth_of_minus_one_or_less_is_an_error()
    {
        Assert.Equal(
            "sextant.yaml line 2: 'business.growth' expects a yearly rate above -1 (0.10 means 10%), got '-1'",
            ErrorOf("business:\n  growth: -1\n"));
    }

    [Theory]
    [InlineData("999")]
    [InlineData("1000001")]
    [InlineData("-65536")]
    [InlineData("99999999999")]
    public void Batch_size_outside_its_range_is_an_error(string batchSize)
    {
        Assert.Equal(
            $"sextant.yaml line 2: 'ingest.batch_size' expects a whole number from 1000 to 1000000, got '{batchSize}'",
            ErrorOf($"ingest:\n  batch_size: {batchSize}\n"));
    }

    [Theory]
    [InlineData("1000", 1000)]
    [InlineData("1000000", 1_000_000)]
    [InlineData("1_000_000", 1_000_000)]
    public void Batch_size_at_the_ends_of_its_range_is_accepted(string batchSize, int expected)
    {
        Assert.Equal(expected, Parse($"ingest:\n  batch_size: {batchSize}\n").Ingest.BatchSize);
    }

    [Fact]
    public void Duplicate_top_level_key_names_both_lines()
    {
        const string yaml = """
            timezone: UTC
            store: a.db
            timezone: Europe/Paris
            """;

        Assert.Equal("sextant.yaml line 3: duplicate key 'timezone' (first set on line 1)", ErrorOf(yaml));
    }

    [Fact]
    public void Duplicate_nested_key_names_its_path_and_both_lines()
    {
        const string yaml = """
            ingest:
              map:
                events:
                  uid: user_id
                  ts: timestamp
                  uid: anonymous_id
            """;

        Assert.Equal("sextant.yaml line 6: duplicate key 'ingest.map.events.uid' (first set on line 4)", ErrorOf(yaml));
    }

    [Fact]
    public void The_same_key_in_two_sections_is_not_a_duplicate()
    {
        var config = Parse("timezone: Europe/Paris\ningest:\n  timezone: Asia/Tokyo\n");

        Assert.Equal("Europe/Paris", config.TimeZoneId);
        Assert.Equal("Asia/Tokyo", config.Ingest.TimeZoneId);
    }

    [Fact]
    public void YAML_syntax_error_names_its_line_and_the_reason()
    {
        const string yaml = """
            ingest:
              time_unit: s
               batch_size: 3
            """;

        Assert.Equal(
            "sextant.yaml line 3: invalid YAML: While scanning a plain scalar value, found invalid mapping.",
            ErrorOf(yaml));
    }

    [Fact]
    public void Unclosed_bracket_is_a_syntax_error_on_the_line_that_opens_it()
    {
        const string yaml = """
            timezone: UTC
            ingest:
              time_unit: [s, ms
            business:
              mau: 10
            """;

        Assert.Equal("sextant.yaml line 3: invalid YAML: the '[' on this line is never closed", ErrorOf(yaml));
    }

    [Fact]
    public void Tab_indentation_is_a_syntax_error_on_its_line()
    {
        Assert.StartsWith("sextant.yaml line 2: invalid YAML: ", ErrorOf("ingest:\n\ttime_unit: s\n"));
    }

    [Fact]
    public void A_second_document_is_an_error()
    {
        Assert.Equal(
            "sextant.yaml line 2: a configuration file holds one YAML document; remove the second '---' and what follows",
            ErrorOf("store: a.db\n---\nstore: b.db\n"));
    }

    [Fact]
    public void A_top_level_list_is_an_error()
    {
        Assert.Equal(
            "sextant.yaml line 1: expects a mapping of settings (key: value lines) at the top level, got a list",
            ErrorOf("- timezone: UTC\n"));
    }

    [Fact]
    public void Several_problems_are_reported_together_in_line_order()
    {
        const string yaml = """
            business:
              mau: ten
            timezone: Mars/Base
            ingest:
              tim_unit: s
            """;

        var lines = ErrorOf(yaml).Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("sextant.yaml line 2: 'business.mau'", lines[0]);
        Assert.StartsWith("sextant.yaml line 3: 'timezone'", lines[1]);
        Assert.StartsWith("sextant.yaml line 5: unknown key 'ingest.tim_unit'", lines[2]);
    }

    [Fact]
    public void Messages_use_the_given_source_name()
    {
        var error = Assert.Throws<SextantException>(() => ConfigLoader.Parse("store: ''\n", "prod.yaml"));

        Assert.Equal("prod.yaml line 1: 'store' expects a non-empty string, got ''", error.Message);
    }

    [Fact]
    public void Anchors_and_aliases_are_read_as_the_value_they_name()
    {
        const string yaml = """
            timezone: &zone Europe/Paris
            store: a.db
            ingest:
              timezone: *zone
              quarantine: timezone
              time_unit: ms
            check:
              accepted_values:
                segment: &names [a, b]
                plan: *names
                channel: [c]
            """;

        var config = Parse(yaml);

        Assert.Equal("Europe/Paris", config.Ingest.TimeZoneId);
        Assert.Equal("timezone", config.Ingest.Quarantine);
        Assert.Equal("ms", config.Ingest.TimeUnit);
        Assert.Equal(["a", "b"], config.Check.AcceptedValues.Plan);
        Assert.Equal(["c"], config.Check.AcceptedValues.Channel);
    }

    [Fact]
    public void Quoted_null_is_a_string_not_a_missing_value()
    {
        Assert.Equal("null", Parse("store: 'null'\n").Store);
    }

    [Fact]
    public void The_example_file_at_the_repository_root_loads_and_states_every_default()
    {
        var path = Path.Combine(RepositoryRoot(), "sextant.example.yaml");

        var config = ConfigLoader.Load(path);

        Assert.Equal(SextantConfig.Default, config);
    }

    [Fact]
    public void Load_of_a_missing_file_says_it_cannot_read_the_path()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "missing.yaml");

        var error = Assert.Throws<SextantException>(() => ConfigLoader.Load(path));

        Assert.StartsWith($"cannot read '{path}': ", error.Message);
    }

    [Fact]
    public void Load_names_the_file_path_in_errors()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "custom.yaml");
        File.WriteAllText(path, "store: x.db\nstroe: y.db\n");

        var error = Assert.Throws<SextantException>(() => ConfigLoader.Load(path));

        Assert.StartsWith($"{path} line 2: unknown key 'stroe'", error.Message);
    }

    [Fact]
    public void LoadOrDefault_without_a_file_gives_the_defaults()
    {
        using var directory = new TemporaryDirectory();

        Assert.Same(SextantConfig.Default, ConfigLoader.LoadOrDefault(null, directory.Path));
    }

    [Fact]
    public void LoadOrDefault_reads_sextant_yaml_from_the_working_directory()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "sextant.yaml"), "store: found.db\nbusiness: {mau: x}\n");

        var error = Assert.Throws<SextantException>(() => ConfigLoader.LoadOrDefault(null, directory.Path));

        Assert.Equal("sextant.yaml line 2: 'business.mau' expects a positive number, got 'x'", error.Message);
    }

    [Fact]
    public void LoadOrDefault_with_a_given_path_that_does_not_exist_is_an_error()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "sextant.yaml");

        var error = Assert.Throws<SextantException>(() => ConfigLoader.LoadOrDefault(path, directory.Path));

        Assert.StartsWith($"cannot read '{path}': ", error.Message);
    }

    [Fact]
    public void Quarantine_defaults_to_a_file_next_to_the_store()
    {
        Assert.Equal("data/app.db.quarantine.jsonl", SextantConfig.Default.Ingest.QuarantinePathFor("data/app.db"));
        Assert.Equal("bad.jsonl", (SextantConfig.Default.Ingest with { Quarantine = "bad.jsonl" }).QuarantinePathFor("data/app.db"));
    }

    [Fact]
    public void Records_refuse_invalid_values_set_in_code()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IngestConfig { BatchSize = 10 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new IngestConfig { TimeUnit = "sec" });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessConfig { Mau = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessConfig { Mau = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessConfig { Growth = -1 });
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sextant.slnx"))) return directory.FullName;
        }
        throw new InvalidOperationException("Sextant.slnx not found above " + AppContext.BaseDirectory);
    }

    private sealed class TemporaryDirectory : IDisposable
    {
        public TemporaryDirectory() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sextant-config-" + Guid.NewGuid().ToString("N"));

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
