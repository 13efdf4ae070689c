using System.CommandLine;
using Sextant.Application;
using Sextant.Cli.Output;
using Sextant.Events;
using Sextant.Privacy;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant forget USER_ID…</c>: erases people — their events, those of their linked anonymous
/// ids, profiles, subscriptions, assignments and quarantined rows — and logs the erasure without
/// their ids (docs/PRIVACY.md). The table snapshot beside a store file is written again.
/// </summary>
internal static class ForgetCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var users = new Argument<string[]>("user-ids") { Description = "User ids as the sources give them (pseudonymised with the key first when privacy.pseudonymise is on or --pseudonymise is given)", Arity = ArgumentArity.OneOrMore };
        var by = new Option<string?>("--by") { Description = "Who asked for the erasure (a name or ticket), recorded in the store's erasure log (default: the user running the command)" };
        var pseudonymise = new Option<bool>("--pseudonymise") { Description = $"The store holds pseudonyms: look the ids up by their pseudonym (key in {Pseudonymiser.KeyVariable}; default: privacy.pseudonymise)" };
        var command = new Command("forget", "Erase people from the store: their events (and their linked anonymous events), profile, subscriptions, assignments and quarantined rows") { users, by, pseudonymise };
        command.SetAction(result =>
        {
            var config = globals.LoadConfig(result);
            var storePath = globals.StorePath(result, config);
            var pseudonymiser = result.GetValue(pseudonymise) || config.Privacy.Pseudonymise ? Pseudonymiser.FromEnvironment() : null;
            var requestedBy = result.GetValue(by) is { Length: > 0 } name ? name : Environment.UserName;
            var at = Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
            var outcome = Forgetting.Run(storePath, config, result.GetValue(users)!, requestedBy, at, pseudonymiser);
            var (counts, snapshot) = (outcome.Erased, outcome.TableSnapshot);

            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), outcome.ToJson());
            }
            else
            {
                var console = Terminal.For(result);
                console.MarkupLine(Markup.Escape($"Forgot {Terminal.Number(counts.Users)} user(s): {Terminal.Number(counts.Events)} events, {Terminal.Number(counts.Profiles)} profiles, "
                    + $"{Terminal.Number(counts.Subscriptions)} subscriptions, {Terminal.Number(counts.Assignments)} assignments, "
                    + $"{Terminal.Number(counts.AnonymousIds)} linked anonymous ids, {Terminal.Number(counts.QuarantineRows)} quarantined rows; logged as requested by {requestedBy}."));
                if (snapshot is not null) SnapshotPrinter.Print(console, snapshot);
            }
            return Program.ExitOk;
        });
        return command;
    }
}
