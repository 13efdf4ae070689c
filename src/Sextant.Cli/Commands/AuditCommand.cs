using System.CommandLine;
using Sextant.Cli.Output;
using Sextant.Events;
using Sextant.Serialization;
using Sextant.Server.Audit;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant audit [--since]</c>: the server's audit log — writes, admin calls and denied requests (docs/SERVER.md).</summary>
internal static class AuditCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var since = new Option<string?>("--since") { Description = "Only entries at or after this day (yyyy-MM-dd, UTC) or instant (2026-06-30T12:00:00Z)" };
        var command = new Command("audit", "Print the server's audit log: time, key, route, outcome and row counts") { since };
        command.SetAction(result =>
        {
            var storePath = globals.StorePath(result, globals.LoadConfig(result));
            Timestamp? from = result.GetValue(since) is { } text ? AuditLog.Since(text, "--since") : null;
            var entries = AuditLog.Read(storePath, from);
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), entries);
                return Program.ExitOk;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("time (UTC)", "key", "request", "status", "outcome", "received", "inserted", "duplicate", "quarantined");
            foreach (var entry in entries)
                table.AddRow(entry.At.ToString(), Markup.Escape(entry.KeyName), Markup.Escape($"{entry.Method} {entry.Route}"), entry.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    entry.Outcome, Terminal.Number(entry.RowsReceived), Terminal.Number(entry.RowsInserted), Terminal.Number(entry.RowsDuplicate), Terminal.Number(entry.RowsQuarantined));
            Terminal.For(result).Write(table);
            return Program.ExitOk;
        });
        return command;
    }
}
