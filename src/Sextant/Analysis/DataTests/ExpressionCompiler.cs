using System.Globalization;
using Sextant.Events;

namespace Sextant.Analysis.DataTests;

/// <summary>An expression bound to a table: its type and its value on each row.</summary>
internal sealed record CompiledExpression(DataType Type, Func<int, DataValue> Evaluate);

/// <summary>
/// Binds a parsed expression to a table's columns and checks its types, giving a function of the
/// row. SQL's three-valued logic holds: a comparison or arithmetic with null is null, <c>and</c> is
/// false when either side is false, <c>or</c> true when either side is true, otherwise null.
/// </summary>
internal sealed class ExpressionCompiler
{
    /// <summary>The functions, with what they take, for messages.</summary>
    public static readonly IReadOnlyList<string> Functions =
        ["length(text)", "lower(text)", "upper(text)", "trim(text)", "coalesce(a, b, …)", "abs(number)", "round(number[, digits])", "date(instant or text)", "timestamp(text)", "now()"];

    private readonly TestTable _table;
    private readonly TimeZoneInfo _zone;
    private readonly long _now;

    private ExpressionCompiler(TestTable table, TimeZoneInfo zone, long now)
    {
        _table = table;
        _zone = zone;
        _now = now;
    }

    /// <summary>Binds <paramref name="node"/> to <paramref name="table"/>.</summary>
    /// <param name="node">The parsed expression.</param>
    /// <param name="table">The table whose columns it names.</param>
    /// <param name="zone">The project time zone, in which date literals ('2024-01-31') and date() are read.</param>
    /// <param name="now">The instant now() stands for (UTC microseconds).</param>
    /// <exception cref="SextantException">A column or function is unknown, or types do not fit; the message names the position.</exception>
    public static CompiledExpression Compile(ExpressionNode node, TestTable table, TimeZoneInfo zone, long now) =>
        new ExpressionCompiler(table, zone, now).Bind(node);

    /// <summary>A condition: the expression must be true, false or null.</summary>
    public static Func<int, bool?> CompileCondition(ExpressionNode node, TestTable table, TimeZoneInfo zone, long now)
    {
        var compiled = Compile(node, table, zone, now);
        if (compiled.Type is not (DataType.Bool or DataType.Null))
            throw new SextantException($"the expression is {Name(compiled.Type)}, not a condition (true or false)");
        var evaluate = compiled.Evaluate;
        return row => evaluate(row) is { IsNull: false } value ? value.Flag : null;
    }

    private CompiledExpression Bind(ExpressionNode node) => node switch
    {
        LiteralNode literal => Constant(literal.Value),
        ColumnNode column => BindColumn(column),
        UnaryNode { Operator: "not" } not => BindNot(not),
        UnaryNode negate => BindNegate(negate),
        BinaryNode { Operator: "and" or "or" } logic => BindLogic(logic),
        BinaryNode { Operator: "+" or "-" or "*" or "/" } arithmetic => BindArithmetic(arithmetic),
        BinaryNode comparison => BindComparison(comparison.Operator, comparison.Left, comparison.Right, comparison.Position),
        IsNullNode isNull => BindIsNull(isNull),
        InNode inList => BindIn(inList),
        BetweenNode between => BindBetween(between),
        CallNode call => BindCall(call),
        _ => throw new InvalidOperationException($"unknown node {node.GetType().Name}"),
    };

    private static CompiledExpression Constant(DataValue value) => new(value.Type, _ => value);

    private CompiledExpression BindColumn(ColumnNode node)
    {
        var column = _table.Find(node.Name)
            ?? throw new SextantException(string.Create(CultureInfo.InvariantCulture,
                $"unknown column '{node.Name}' at position {node.Position} (table '{_table.Name}' has: {_table.Describe()})"));
        return new CompiledExpression(column.Type, row => column[row]);
    }

    private CompiledExpression BindNot(UnaryNode node)
    {
        var operand = Condition(node.Operand, "not");
        var evaluate = operand.Evaluate;
        return new(DataType.Bool, row => evaluate(row) is { IsNull: false } value ? DataValue.OfBool(!value.Flag) : DataValue.Null);
    }

    private CompiledExpression BindNegate(UnaryNode node)
    {
        var operand = Numeric(node.Operand, "-");
        var evaluate = operand.Evaluate;
        return new(DataType.Number, row => evaluate(row) is { IsNull: false } value ? DataValue.OfNumber(-value.Number) : DataValue.Null);
    }

    private CompiledExpression BindLogic(BinaryNode node)
    {
        var left = Condition(node.Left, node.Operator).Evaluate;
        var right = Condition(node.Right, node.Operator).Evaluate;
        if (node.Operator == "and")
        {
            return new(DataType.Bool, row =>
            {
                var a = left(row);
                if (a is { IsNull: false, Flag: false }) return DataValue.OfBool(false);
                var b = right(row);
                if (b is { IsNull: false, Flag: false }) return DataValue.OfBool(false);
                return a.IsNull || b.IsNull ? DataValue.Null : DataValue.OfBool(true);
            });
        }
        return new(DataType.Bool, row =>
        {
            var a = left(row);
            if (a is { IsNull: false, Flag: true }) return DataValue.OfBool(true);
            var b = right(row);
            if (b is { IsNull: false, Flag: true }) return DataValue.OfBool(true);
            return a.IsNull || b.IsNull ? DataValue.Null : DataValue.OfBool(false);
        });
    }

    private CompiledExpression BindArithmetic(BinaryNode node)
    {
        var left = Numeric(node.Left, node.Operator).Evaluate;
        var right = Numeric(node.Right, node.Operator).Evaluate;
        Func<double, double, double> apply = node.Operator switch
        {
            "+" => (a, b) => a + b,
            "-" => (a, b) => a - b,
            "*" => (a, b) => a * b,
            // Division by zero is null, not an error, so one bad row does not stop a test.
            _ => (a, b) => b == 0 ? double.NaN : a / b,
        };
        return new(DataType.Number, row =>
        {
            var a = left(row);
            if (a.IsNull) return DataValue.Null;
            var b = right(row);
            return b.IsNull ? DataValue.Null : DataValue.OfNumber(apply(a.Number, b.Number));
        });
    }

    private CompiledExpression BindComparison(string op, ExpressionNode leftNode, ExpressionNode rightNode, int position)
    {
        var (left, right) = Comparable(leftNode, rightNode, op, position);
        Func<int, bool> test = op switch
        {
            "=" => c => c == 0,
            "!=" => c => c != 0,
            "<" => c => c < 0,
            "<=" => c => c <= 0,
            ">" => c => c > 0,
            _ => c => c >= 0,
        };
        var l = left.Evaluate;
        var r = right.Evaluate;
        return new(DataType.Bool, row =>
        {
            var a = l(row);
            if (a.IsNull) return DataValue.Null;
            var b = r(row);
            return b.IsNull ? DataValue.Null : DataValue.OfBool(test(DataValue.Compare(a, b)));
        });
    }

    private CompiledExpression BindIsNull(IsNullNode node)
    {
        var operand = Bind(node.Operand).Evaluate;
        var negated = node.Negated;
        return new(DataType.Bool, row => DataValue.OfBool(operand(row).IsNull != negated));
    }

    private CompiledExpression BindIn(InNode node)
    {
        var operand = Bind(node.Operand);
        var items = node.Items.Select(item => Comparable(node.Operand, item, "in", item.Position).Right.Evaluate).ToArray();
        var evaluate = operand.Evaluate;
        var negated = node.Negated;
        return new(DataType.Bool, row =>
        {
            var value = evaluate(row);
            if (value.IsNull) return DataValue.Null;
            var sawNull = false;
            foreach (var item in items)
            {
                var candidate = item(row);
                if (candidate.IsNull) sawNull = true;
                else if (DataValue.Compare(value, candidate) == 0) return DataValue.OfBool(!negated);
            }
            return sawNull ? DataValue.Null : DataValue.OfBool(negated);
        });
    }

    private CompiledExpression BindBetween(BetweenNode node)
    {
        var low = BindComparison(">=", node.Operand, node.Low, node.Position).Evaluate;
        var high = BindComparison("<=", node.Operand, node.High, node.Position).Evaluate;
        var negated = node.Negated;
        return new(DataType.Bool, row =>
        {
            var a = low(row);
            var b = high(row);
            bool? inside = a is { IsNull: false, Flag: false } || b is { IsNull: false, Flag: false } ? false
                : a.IsNull || b.IsNull ? null : true;
            return DataValue.OfBool(inside is { } value ? value != negated : null);
        });
    }

    private CompiledExpression BindCall(CallNode node)
    {
        switch (node.Function)
        {
            case "length":
                return TextFunction(node, DataType.Number, text => DataValue.OfNumber(text.Length));
            case "lower":
                return TextFunction(node, DataType.Text, text => DataValue.OfText(text.ToLowerInvariant()));
            case "upper":
                return TextFunction(node, DataType.Text, text => DataValue.OfText(text.ToUpperInvariant()));
            case "trim":
                return TextFunction(node, DataType.Text, text => DataValue.OfText(text.Trim()));
            case "abs":
                {
                    Arity(node, 1, 1);
                    var argument = Numeric(node.Arguments[0], "abs").Evaluate;
                    return new(DataType.Number, row => argument(row) is { IsNull: false } v ? DataValue.OfNumber(Math.Abs(v.Number)) : DataValue.Null);
                }
            case "round":
                {
                    Arity(node, 1, 2);
                    var argument = Numeric(node.Arguments[0], "round").Evaluate;
                    var digits = node.Arguments.Count == 2 ? Numeric(node.Arguments[1], "round").Evaluate : _ => DataValue.OfNumber(0);
                    return new(DataType.Number, row =>
                    {
                        var v = argument(row);
                        var d = digits(row);
                        return v.IsNull || d.IsNull ? DataValue.Null
                            : DataValue.OfNumber(Math.Round(v.Number, (int)Math.Clamp(d.Number, 0, 15), MidpointRounding.AwayFromZero));
                    });
                }
            case "coalesce":
                {
                    Arity(node, 1, int.MaxValue);
                    var arguments = node.Arguments.Select(Bind).ToList();
                    var type = arguments.Select(a => a.Type).FirstOrDefault(t => t != DataType.Null);
                    foreach (var (argument, i) in arguments.Select((a, i) => (a, i)))
                    {
                        if (argument.Type != DataType.Null && argument.Type != type)
                            throw new SextantException(string.Create(CultureInfo.InvariantCulture,
                                $"coalesce at position {node.Position} mixes {Name(type)} and {Name(argument.Type)} (argument {i + 1})"));
                    }
                    var evaluators = arguments.Select(a => a.Evaluate).ToArray();
                    return new(type, row =>
                    {
                        foreach (var evaluate in evaluators)
                            if (evaluate(row) is { IsNull: false } value) return value;
                        return DataValue.Null;
                    });
                }
            case "date":
                {
                    Arity(node, 1, 1);
                    var argument = Bind(node.Arguments[0]);
                    var evaluate = argument.Evaluate;
                    if (argument.Type == DataType.Text)
                        return new(DataType.Instant, row => evaluate(row) is { IsNull: false } v && ParseInstant(v.Text) is { } micros ? DataValue.OfInstant(LocalDayStart(micros)) : DataValue.Null);
                    if (argument.Type is not (DataType.Instant or DataType.Null))
                        throw TypeError("date", node.Position, "an instant or text", argument.Type);
                    return new(DataType.Instant, row => evaluate(row) is { IsNull: false } v ? DataValue.OfInstant(LocalDayStart(v.Micros)) : DataValue.Null);
                }
            case "timestamp":
                {
                    Arity(node, 1, 1);
                    var argument = Bind(node.Arguments[0]);
                    if (argument.Type is not (DataType.Text or DataType.Null)) throw TypeError("timestamp", node.Position, "text", argument.Type);
                    var evaluate = argument.Evaluate;
                    return new(DataType.Instant, row => evaluate(row) is { IsNull: false } v && ParseInstant(v.Text) is { } micros ? DataValue.OfInstant(micros) : DataValue.Null);
                }
            case "now":
                {
                    Arity(node, 0, 0);
                    return Constant(DataValue.OfInstant(_now));
                }
            default:
                throw new SextantException(string.Create(CultureInfo.InvariantCulture,
                    $"unknown function '{node.Function}' at position {node.Position} (functions: {string.Join(", ", Functions)})"));
        }
    }

    private CompiledExpression TextFunction(CallNode node, DataType type, Func<string, DataValue> apply)
    {
        Arity(node, 1, 1);
        var argument = Bind(node.Arguments[0]);
        if (argument.Type is not (DataType.Text or DataType.Null)) throw TypeError(node.Function, node.Position, "text", argument.Type);
        var evaluate = argument.Evaluate;
        return new(type, row => evaluate(row) is { IsNull: false } v ? apply(v.Text) : DataValue.Null);
    }

    private static void Arity(CallNode node, int min, int max)
    {
        if (node.Arguments.Count >= min && node.Arguments.Count <= max) return;
        var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} or {max}";
        throw new SextantException(string.Create(CultureInfo.InvariantCulture,
            $"{node.Function}() at position {node.Position} takes {expected} argument{(max == 1 ? "" : "s")}, got {node.Arguments.Count}"));
    }

    private CompiledExpression Condition(ExpressionNode node, string op)
    {
        var bound = Bind(node);
        if (bound.Type is DataType.Bool or DataType.Null) return bound;
        throw TypeError(op, node.Position, "a condition (true or false)", bound.Type);
    }

    private CompiledExpression Numeric(ExpressionNode node, string op)
    {
        var bound = Bind(node);
        if (bound.Type is DataType.Number or DataType.Null) return bound;
        throw TypeError(op, node.Position, "a number", bound.Type);
    }

    /// <summary>Both sides of a comparison, with a text literal beside an instant read as a date or instant.</summary>
    private (CompiledExpression Left, CompiledExpression Right) Comparable(ExpressionNode leftNode, ExpressionNode rightNode, string op, int position)
    {
        var left = Bind(leftNode);
        var right = Bind(rightNode);
        if (left.Type == DataType.Instant && rightNode is LiteralNode { Value.Type: DataType.Text } rightText) right = InstantLiteral(rightText);
        if (right.Type == DataType.Instant && leftNode is LiteralNode { Value.Type: DataType.Text } leftText) left = InstantLiteral(leftText);
        if (left.Type == right.Type || left.Type == DataType.Null || right.Type == DataType.Null) return (left, right);
        var hint = left.Type == DataType.Instant || right.Type == DataType.Instant ? " (write dates as 'YYYY-MM-DD' literals or use date(...))" : "";
        throw new SextantException(string.Create(CultureInfo.InvariantCulture,
            $"'{op}' at position {position} compares {Name(left.Type)} with {Name(right.Type)}{hint}"));
    }

    private CompiledExpression InstantLiteral(LiteralNode node) =>
        ParseInstant(node.Value.Text) is { } micros
            ? Constant(DataValue.OfInstant(micros))
            : throw new SextantException(string.Create(CultureInfo.InvariantCulture,
                $"'{node.Value.Text}' at position {node.Position} is not a date (YYYY-MM-DD) or an instant (2024-01-31T12:00:00Z)"));

    private long? ParseInstant(string text) =>
        text.Length >= 10 && TimestampParser.TryParse(text, new TimestampParseOptions(_zone, TimeUnit.Auto), out var micros, out _) && !text.All(char.IsAsciiDigit)
            ? micros
            : null;

    private long LocalDayStart(long micros)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddTicks(micros * 10), _zone).Date;
        while (_zone.IsInvalidTime(local)) local = local.AddHours(1);
        var utc = TimeZoneInfo.ConvertTimeToUtc(local, _zone);
        return (utc - DateTime.UnixEpoch).Ticks / 10;
    }

    private static SextantException TypeError(string op, int position, string expected, DataType got) =>
        new(string.Create(CultureInfo.InvariantCulture, $"'{op}' at position {position} expects {expected}, got {Name(got)}"));

    /// <summary>A type as messages name it.</summary>
    public static string Name(DataType type) => type switch
    {
        DataType.Null => "null",
        DataType.Number => "a number",
        DataType.Text => "text",
        DataType.Bool => "a condition (true or false)",
        _ => "an instant",
    };
}
