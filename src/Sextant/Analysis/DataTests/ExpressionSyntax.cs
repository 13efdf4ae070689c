using System.Globalization;

namespace Sextant.Analysis.DataTests;

/// <summary>A node of a parsed test expression; <see cref="Position"/> is its 1-based character position in the text.</summary>
internal abstract record ExpressionNode(int Position);

/// <summary>A literal: a number, a 'string', true, false or null.</summary>
internal sealed record LiteralNode(DataValue Value, int Position) : ExpressionNode(Position);

/// <summary>A column name (possibly dotted: properties.plan).</summary>
internal sealed record ColumnNode(string Name, int Position) : ExpressionNode(Position);

/// <summary>not x, or -x.</summary>
internal sealed record UnaryNode(string Operator, ExpressionNode Operand, int Position) : ExpressionNode(Position);

/// <summary>and, or, a comparison or arithmetic.</summary>
internal sealed record BinaryNode(string Operator, ExpressionNode Left, ExpressionNode Right, int Position) : ExpressionNode(Position);

/// <summary>x is [not] null.</summary>
internal sealed record IsNullNode(ExpressionNode Operand, bool Negated, int Position) : ExpressionNode(Position);

/// <summary>x [not] in (a, b, …).</summary>
internal sealed record InNode(ExpressionNode Operand, IReadOnlyList<ExpressionNode> Items, bool Negated, int Position) : ExpressionNode(Position);

/// <summary>x [not] between low and high.</summary>
internal sealed record BetweenNode(ExpressionNode Operand, ExpressionNode Low, ExpressionNode High, bool Negated, int Position) : ExpressionNode(Position);

/// <summary>A function call: lower(x), coalesce(a, b).</summary>
internal sealed record CallNode(string Function, IReadOnlyList<ExpressionNode> Arguments, int Position) : ExpressionNode(Position);

/// <summary>
/// The recursive-descent parser of test expressions (docs/TESTS.md, grammar). Errors are
/// <see cref="SextantException"/>s naming the position: "unexpected ')' at position 9".
/// </summary>
internal sealed class ExpressionParser
{
    private enum TokenKind { Name, Number, String, Symbol, End }

    private readonly record struct Token(TokenKind Kind, string Text, int Position)
    {
        public bool Is(string word) => Kind is TokenKind.Name or TokenKind.Symbol && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

        public string Describe() => Kind switch
        {
            TokenKind.End => "end of the expression",
            TokenKind.String => $"the string '{Text}'",
            _ => $"'{Text}'",
        };
    }

    private static readonly string[] Keywords = ["and", "or", "not", "is", "null", "in", "between", "true", "false"];

    private readonly List<Token> _tokens;
    private int _next;

    private ExpressionParser(List<Token> tokens) => _tokens = tokens;

    /// <summary>Parses <paramref name="text"/> into a tree.</summary>
    /// <exception cref="SextantException">The text is not an expression; the message names the position.</exception>
    public static ExpressionNode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ExpressionParser(Tokenize(text));
        if (parser.Peek.Kind == TokenKind.End) throw new SextantException("the expression is empty");
        var node = parser.Or();
        if (parser.Peek.Kind != TokenKind.End) throw parser.Unexpected("an operator or the end");
        return node;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private bool Accept(string word)
    {
        if (!Peek.Is(word)) return false;
        _next++;
        return true;
    }

    private Token Expect(string word)
    {
        if (!Peek.Is(word)) throw Unexpected($"'{word}'");
        return Take();
    }

    private SextantException Unexpected(string expected) =>
        new(string.Create(CultureInfo.InvariantCulture, $"unexpected {Peek.Describe()} at position {Peek.Position} (expected {expected})"));

    private ExpressionNode Or()
    {
        var left = And();
        while (Peek.Is("or"))
        {
            var op = Take();
            left = new BinaryNode("or", left, And(), op.Position);
        }
        return left;
    }

    private ExpressionNode And()
    {
        var left = Not();
        while (Peek.Is("and"))
        {
            var op = Take();
            left = new BinaryNode("and", left, Not(), op.Position);
        }
        return left;
    }

    private ExpressionNode Not()
    {
        if (!Peek.Is("not")) return Comparison();
        var op = Take();
        return new UnaryNode("not", Not(), op.Position);
    }

    private static readonly string[] Comparisons = ["=", "!=", "<>", "<", "<=", ">", ">="];

    private ExpressionNode Comparison()
    {
        var left = Additive();
        var token = Peek;
        if (token.Kind == TokenKind.Symbol && Comparisons.Contains(token.Text))
        {
            Take();
            return new BinaryNode(token.Text == "<>" ? "!=" : token.Text, left, Additive(), token.Position);
        }
        if (token.Is("is"))
        {
            Take();
            var negated = Accept("not");
            Expect("null");
            return new IsNullNode(left, negated, token.Position);
        }
        var not = Accept("not");
        if (Peek.Is("in"))
        {
            Take();
            Expect("(");
            var items = new List<ExpressionNode> { Additive() };
            while (Accept(",")) items.Add(Additive());
            Expect(")");
            return new InNode(left, items, not, token.Position);
        }
        if (Peek.Is("between"))
        {
            Take();
            var low = Additive();
            Expect("and");
            return new BetweenNode(left, low, Additive(), not, token.Position);
        }
        if (not) throw Unexpected("'in' or 'between' after 'not'");
        return left;
    }

    private ExpressionNode Additive()
    {
        var left = Multiplicative();
        while (Peek.Kind == TokenKind.Symbol && Peek.Text is "+" or "-")
        {
            var op = Take();
            left = new BinaryNode(op.Text, left, Multiplicative(), op.Position);
        }
        return left;
    }

    private ExpressionNode Multiplicative()
    {
        var left = Unary();
        while (Peek.Kind == TokenKind.Symbol && Peek.Text is "*" or "/")
        {
            var op = Take();
            left = new BinaryNode(op.Text, left, Unary(), op.Position);
        }
        return left;
    }

    private ExpressionNode Unary()
    {
        if (Peek.Kind == TokenKind.Symbol && Peek.Text == "-")
        {
            var op = Take();
            return new UnaryNode("-", Unary(), op.Position);
        }
        return Primary();
    }

    private ExpressionNode Primary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Take();
                return new LiteralNode(DataValue.OfNumber(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture)), token.Position);
            case TokenKind.String:
                Take();
                return new LiteralNode(DataValue.OfText(token.Text), token.Position);
            case TokenKind.Symbol when token.Text == "(":
                Take();
                var inner = Or();
                Expect(")");
                return inner;
            case TokenKind.Name when token.Is("true") || token.Is("false"):
                Take();
                return new LiteralNode(DataValue.OfBool(token.Is("true")), token.Position);
            case TokenKind.Name when token.Is("null"):
                Take();
                return new LiteralNode(DataValue.Null, token.Position);
            case TokenKind.Name when !Keywords.Contains(token.Text.ToLowerInvariant()):
                Take();
                if (!Accept("(")) return new ColumnNode(token.Text, token.Position);
                var arguments = new List<ExpressionNode>();
                if (!Accept(")"))
                {
                    arguments.Add(Or());
                    while (Accept(",")) arguments.Add(Or());
                    Expect(")");
                }
                return new CallNode(token.Text.ToLowerInvariant(), arguments, token.Position);
            default:
                throw Unexpected("a column, a value or '('");
        }
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var position = i + 1;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.')) i++;
                tokens.Add(new Token(TokenKind.Name, text[start..i], position));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
                if (i < text.Length && text[i] is 'e' or 'E')
                {
                    i++;
                    if (i < text.Length && text[i] is '+' or '-') i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                }
                var number = text[start..i];
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    throw new SextantException($"'{number}' at position {position} is not a number");
                tokens.Add(new Token(TokenKind.Number, number, position));
            }
            else if (c == '\'')
            {
                var value = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new SextantException($"the string starting at position {position} has no closing quote");
                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            value.Append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.Append(text[i++]);
                }
                tokens.Add(new Token(TokenKind.String, value.ToString(), position));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                if (two is "<=" or ">=" or "<>" or "!=" or "==")
                {
                    tokens.Add(new Token(TokenKind.Symbol, two == "==" ? "=" : two, position));
                    i += 2;
                }
                else if (c is '=' or '<' or '>' or '+' or '-' or '*' or '/' or '(' or ')' or ',')
                {
                    tokens.Add(new Token(TokenKind.Symbol, c.ToString(), position));
                    i++;
                }
                else
                {
                    throw new SextantException($"unexpected character '{c}' at position {position}" + (c == '"' ? " (strings take single quotes: 'text')" : ""));
                }
            }
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length + 1));
        return tokens;
    }
}
