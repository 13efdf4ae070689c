using System.CommandLine;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Sextant.Server.Access;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant keys create|list|revoke</c>: the server's API keys, kept hashed in the store
/// (docs/SERVER.md, Keys and roles). A key is printed once, when created.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("keys", "Create, list and revoke the server's API keys (stored hashed in the store)");
        command.Add(CreateKey(globals));
        command.Add(ListKeys(globals));
        command.Add(RevokeKey(globals));
        return command;
    }

    private static Command CreateKey(GlobalOptions globals)
    {
        var role = new Option<string>("--role") { Description = "read (analyses), write (+ ingest) or admin (+ keys, forget, config, audit)", Required = true };
        role.AcceptOnlyFromAmong("read", "write", "admin");
        var name = new Option<string?>("--name") { Description = "A name for the key, shown in the audit log (default key-ID)" };
        var command = new Command("create", "Create a key and print it once: only its salted hash is stored") { role, name };
        command.SetAction(result =>
        {
            var (key, text) = Store(globals, result).Create(ApiKeyStore.ParseRole(result.GetValue(role)!), result.GetValue(name));
            if (result.GetValue(globals.Json))
                ResultJson.Write(Terminal.Out(result), ApiKey.CreatedJson(key, text));
            else
            {
                var console = Terminal.For(result);
                console.MarkupLine(Markup.Escape($"Created key '{key.Name}' with role {ApiKeyStore.RoleText(key.Role)}. It is shown only now; send it as 'Authorization: Bearer KEY':"));
                Terminal.Out(result).WriteLine(text);
            }
            return Program.ExitOk;
        });
        return command;
    }

    private static Command ListKeys(GlobalOptions globals)
    {
        var command = new Command("list", "List the keys: name, role, created, revoked (never the key)");
        command.SetAction(result =>
        {
            var keys = Store(globals, result).List();
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), keys.Select(k => k.ToJson()));
                return Program.ExitOk;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("name", "role", "id", "created (UTC)", "revoked (UTC)");
            foreach (var key in keys)
                table.AddRow(Markup.Escape(key.Name), ApiKeyStore.RoleText(key.Role), key.KeyId, key.CreatedAt.ToString(), key.RevokedAt?.ToString() ?? "-");
            Terminal.For(result).Write(table);
            return Program.ExitOk;
        });
        return command;
    }

    private static Command RevokeKey(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "The key's name (sextant keys list)" };
        var command = new Command("revoke", "Revoke a key: the server refuses it within a second") { name };
        command.SetAction(result =>
        {
            var keyName = result.GetValue(name)!;
            if (!Store(globals, result).Revoke(keyName)) throw new SextantException($"no valid key named '{keyName}' (sextant keys list shows them)");
            if (result.GetValue(globals.Json)) ResultJson.Write(Terminal.Out(result), new { Revoked = keyName });
            else Terminal.For(result).MarkupLine(Markup.Escape($"Revoked key '{keyName}'."));
            return Program.ExitOk;
        });
        return command;
    }

    private static ApiKeyStore Store(GlobalOptions globals, ParseResult result) =>
        new(globals.StorePath(result, globals.LoadConfig(result)));
}
