using Sextant.Events;

namespace Sextant.Analysis.Refresh;

/// <summary>
/// What an incremental refresh keeps between runs (docs/REFRESH.md): the store position it has
/// read up to, and compact facts per user code and anonymous code — the first event, the profile
/// sign-up, the active days as month bitmasks, and for an anonymous id the user it is linked to
/// (earliest link wins, as <see cref="IdentityResolution"/>) — plus the materialised tables.
/// A person's figures (sign-up day, cohort, active days) are a function of these facts; a batch of
/// new events changes the facts of the people it touches, and only their old figures are taken out
/// of the tables and their new ones put in.
/// </summary>
internal sealed partial class RefreshState
{
    private const long None = long.MaxValue;
    private const long NoProfileSignup = long.MinValue;

    // Index = user code (0 unused).
    private long[] _userFirst;
    private long[] _userProfile;
    // Index = anonymous code (0 unused).
    private int[] _anonymousUser;
    private long[] _anonymousLinkedAt;
    private long[] _anonymousFirst;
    // Anonymous ids linked to each user, as chains: first per user, next per anonymous id.
    private int[] _firstLinked;
    private int[] _nextLinked;

    public RefreshState(string fingerprint)
        : this(fingerprint, 0, 0, 0, "", [None], [NoProfileSignup], [0], [None], [None], new ActiveDays(), new ActiveDays(), new RefreshTables())
    {
    }

    public RefreshState(string fingerprint, long lastChunk, long events, long erasures, string profileStamp,
        long[] userFirst, long[] userProfile, int[] anonymousUser, long[] anonymousLinkedAt, long[] anonymousFirst,
        ActiveDays userDays, ActiveDays anonymousDays, RefreshTables tables)
    {
        Fingerprint = fingerprint;
        LastChunk = lastChunk;
        Events = events;
        Erasures = erasures;
        ProfileStamp = profileStamp;
        _userFirst = userFirst;
        _userProfile = userProfile;
        _anonymousUser = anonymousUser;
        _anonymousLinkedAt = anonymousLinkedAt;
        _anonymousFirst = anonymousFirst;
        UserDays = userDays;
        AnonymousDays = anonymousDays;
        Tables = tables;
        _firstLinked = new int[userFirst.Length];
        _nextLinked = new int[anonymousUser.Length];
        for (var anonymous = anonymousUser.Length - 1; anonymous > 0; anonymous--) Link(anonymous, anonymousUser[anonymous]);
    }

    public string Fingerprint { get; }

    /// <summary>The newest chunk read.</summary>
    public long LastChunk { get; private set; }

    /// <summary>Events in the chunks read.</summary>
    public long Events { get; private set; }

    public long Erasures { get; set; }

    public string ProfileStamp { get; set; }

    public ActiveDays UserDays { get; }

    public ActiveDays AnonymousDays { get; }

    public RefreshTables Tables { get; }

    public long[] UserFirst => _userFirst;

    public long[] UserProfile => _userProfile;

    public int[] AnonymousUser => _anonymousUser;

    public long[] AnonymousLinkedAt => _anonymousLinkedAt;

    public long[] AnonymousFirst => _anonymousFirst;

    /// <summary>The sign-up day of a person who has none.</summary>
    private const int NoDay = int.MinValue;

    private void Link(int anonymous, int user)
    {
        if (user == 0) return;
        _nextLinked[anonymous] = _firstLinked[user];
        _firstLinked[user] = anonymous;
    }

    private void Unlink(int anonymous, int user)
    {
        if (user == 0) return;
        if (_firstLinked[user] == anonymous)
        {
            _firstLinked[user] = _nextLinked[anonymous];
        }
        else
        {
            var at = _firstLinked[user];
            while (_nextLinked[at] != anonymous) at = _nextLinked[at];
            _nextLinked[at] = _nextLinked[anonymous];
        }
        _nextLinked[anonymous] = 0;
    }

    /// <summary>A person's sign-up day (<see cref="NoDay"/> when none), with their active months put in <paramref name="months"/>.</summary>
    private int FiguresOf(int user, ProjectCalendar calendar, MonthUnion months)
    {
        months.Clear();
        var first = _userFirst[user];
        months.Add(UserDays.Get(user));
        for (var anonymous = _firstLinked[user]; anonymous != 0; anonymous = _nextLinked[anonymous])
        {
            first = Math.Min(first, _anonymousFirst[anonymous]);
            months.Add(AnonymousDays.Get(anonymous));
        }
        var signup = _userProfile[user] != NoProfileSignup ? _userProfile[user] : first;
        return signup == None ? NoDay : calendar.DayOf(signup);
    }

    private void Grow(int users, int anonymous)
    {
        if (users + 1 > _userFirst.Length)
        {
            var from = _userFirst.Length;
            Array.Resize(ref _userFirst, users + 1);
            Array.Resize(ref _userProfile, users + 1);
            Array.Resize(ref _firstLinked, users + 1);
            _userFirst.AsSpan(from).Fill(None);
            _userProfile.AsSpan(from).Fill(NoProfileSignup);
        }
        if (anonymous + 1 > _anonymousUser.Length)
        {
            var from = _anonymousUser.Length;
            Array.Resize(ref _anonymousUser, anonymous + 1);
            Array.Resize(ref _anonymousLinkedAt, anonymous + 1);
            Array.Resize(ref _anonymousFirst, anonymous + 1);
            Array.Resize(ref _nextLinked, anonymous + 1);
            _anonymousLinkedAt.AsSpan(from).Fill(None);
            _anonymousFirst.AsSpan(from).Fill(None);
        }
    }

    /// <summary>Folds changed day lists into flat arrays (a batch reads its people's old figures from them).</summary>
    public void Compact()
    {
        UserDays.Compact(_userFirst.Length);
        AnonymousDays.Compact(_anonymousUser.Length);
    }
}
