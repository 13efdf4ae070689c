using Sextant.Analysis.Health;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Health;

public sealed class HealthCsvTests
{
    [Fact]
    public void User_health_csv_has_the_header_and_one_invariant_row_per_user()
    {
        // Given one edit and one comment on the data end's day by a plus user in segment "small, team".
        var table = Load(null, [User("a", segment: "small, team", plan: "plus")], [],
            At("a", "edit_page", "2026-03-31T09:00:00Z"), At("a", "comment", "2026-03-31T10:00:00Z"));
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var lines = HealthCsv.Write(new InMemoryEngine(table).Run(DemoSettings.HealthQuery)).Split('\n');

            // recency 1, frequency 1/12, breadth 2/5, collaboration 1, trend 0.5 + 1/28, tenure 0 (signed up today):
            // score = 100 × (0.25 + 0.20/12 + 0.06 + 0.15 + 0.05 × 0.535714… + 0) = 50.35.
            Assert.Equal("user_id,score,recency,frequency,breadth,collaboration,trend,tenure,active_days_30,features_30,segment,plan,at_risk,expansion_ready", lines[0]);
            Assert.Equal("a,50.35,1.0000,0.0833,0.4000,1.0000,0.5357,0.0000,1,2,\"small, team\",plus,false,false", lines[1]);
            Assert.Equal([""], lines[2..]);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void User_ids_and_segments_that_would_start_a_spreadsheet_formula_are_written_as_text()
    {
        // Given a user "=1+2" in segment "@SUM(A1)" on plan "-cmd|' /C calc'!A0", with the same events as above
        var table = Load(null, [User("=1+2", segment: "@SUM(A1)", plan: "-cmd|' /C calc'!A0")], [],
            At("=1+2", "edit_page", "2026-03-31T09:00:00Z"), At("=1+2", "comment", "2026-03-31T10:00:00Z"));

        // When the health file is written
        var lines = HealthCsv.Write(new InMemoryEngine(table).Run(DemoSettings.HealthQuery)).Split('\n');

        // Then each text cell starts with a single quote, and the numbers are unchanged
        Assert.Equal("'=1+2,50.35,1.0000,0.0833,0.4000,1.0000,0.5357,0.0000,1,2,'@SUM(A1),'-cmd|' /C calc'!A0,false,false", lines[1]);
    }
}
