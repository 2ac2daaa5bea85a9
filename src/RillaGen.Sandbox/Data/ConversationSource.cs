namespace RillaGen.Sandbox.Data;

/// <summary>
/// Every conversation of the sandbox, as a pure function of (seed, key): base conversations have keys
/// 0..Count-1, live arrivals keys with <see cref="LiveArrivals.KeyFlag"/> set.
/// </summary>
internal sealed class ConversationSource
{
    /// <summary>The conversation id of the reference's examples; it names the conversation nearest its date.</summary>
    public static readonly Guid ReferenceExampleId = Guid.Parse("f1a3e9d8-2b46-4c1a-9c7e-7e4a18d2c93f");

    private static readonly string[] Outcomes = ["Sold", "Not Sold", "Follow Up", "Cancelled"];
    private static readonly string[] PanelNames = ["Home Estimate", "Roof Inspection", "Solar Consultation", "HVAC Replacement", "Window Quote", "Service Call"];

    private readonly int _seed;
    private readonly long _exampleIndex;

    public ConversationSource(RillaSandboxOptions options)
    {
        _seed = options.Seed;
        Organization = new Organization(options.Seed);
        Timeline = new ConversationTimeline(options.Seed, options.WindowStart, options.WindowEnd, options.ConversationCount);
        Codec = new ConversationIdCodec(options.Seed);
        Live = new LiveArrivals(options.Seed, Timeline, Organization, Codec);
        var exampleDate = new DateTimeOffset(2024, 3, 5, 14, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var index = Timeline.FirstIndexAtOrAfter(exampleDate, processed: false);
        _exampleIndex = index < Timeline.Count ? index : -1;
    }

    public Organization Organization { get; }

    public ConversationTimeline Timeline { get; }

    public ConversationIdCodec Codec { get; }

    public LiveArrivals Live { get; }

    public Guid IdOf(long key) => key == _exampleIndex ? ReferenceExampleId : Codec.Encode(key);

    public bool TryFind(Guid id, out long key)
    {
        if (id == ReferenceExampleId && _exampleIndex >= 0)
        {
            key = _exampleIndex;
            return true;
        }

        if (!Codec.TryDecode(id, out key) || key == _exampleIndex)
        {
            return false;
        }

        return (key & LiveArrivals.KeyFlag) != 0 ? Live.Find(key) is not null : key < Timeline.Count;
    }

    public SandboxUser RepOf(long key)
    {
        if ((key & LiveArrivals.KeyFlag) != 0)
        {
            return Live.Find(key)!.Rep;
        }

        var cycle = Organization.RecordingCycle;
        return cycle[(int)(key % cycle.Count)];
    }

    public ConversationCore Core(long key)
    {
        long recorded, processed;
        SandboxUser rep;
        if ((key & LiveArrivals.KeyFlag) != 0)
        {
            var arrival = Live.Find(key) ?? throw new ArgumentOutOfRangeException(nameof(key));
            (recorded, processed, rep) = (arrival.RecordedSeconds, arrival.ProcessedSeconds, arrival.Rep);
        }
        else
        {
            (recorded, processed, rep) = (Timeline.RecordedSeconds(key), Timeline.ProcessedSeconds(key), RepOf(key));
        }

        var random = new StableRandom(_seed, key, 3);
        var outcome = random.Pick(Outcomes);
        var viewers = new List<ViewerCore>();
        var viewerCount = random.Next(0, Math.Min(3, Organization.Viewers.Count) + 1);
        var firstViewer = random.Next(0, Math.Max(1, Organization.Viewers.Count));
        for (var v = 0; v < viewerCount; v++)
        {
            var user = Organization.Viewers[(firstViewer + v) % Organization.Viewers.Count];
            var viewCount = random.Next(1, 5);
            viewers.Add(new ViewerCore(user, viewCount, viewCount * (long)random.Next(30_000, 600_000), random.Next(0, 3)));
        }

        var (hits, total) = CountTrackers(key);
        var hasRidealong = random.Chance(0.05);
        return new ConversationCore
        {
            Key = key,
            RecordedSeconds = recorded,
            ProcessedSeconds = processed,
            Rep = rep,
            Duration = random.Next(600, 7200),
            SetupSeconds = random.Next(60, 600),
            TalkRatio = random.NextRounded(0.3, 0.75),
            LongestRepMonologue = random.Next(30, 300),
            LongestCustomerMonologue = random.Next(15, 180),
            RepSpeedWpm = random.Next(110, 190),
            Patience = random.NextRounded(0.4, 0.95),
            Outcome = outcome,
            TotalSold = outcome == "Sold" ? random.Next(20, 800) * 50m : 0m,
            Viewers = viewers,
            MissedAppointments = random.Chance(0.1) ? 1 : 0,
            ClipsCreated = random.Chance(0.2) ? 1 : 0,
            ClipComments = random.Chance(0.1) ? 1 : 0,
            ClipViewSeconds = random.Next(0, 120),
            AnalyticsViews = random.Next(0, 3),
            HasRidealong = hasRidealong,
            RidealongSeconds = hasRidealong ? random.Next(600, 3600) : 0,
            RidealongReachedEnd = hasRidealong && random.Chance(0.6),
            HasScorecard = viewerCount > 0 && random.Chance(0.3),
            LiveCoached = random.Chance(0.1),
            TrackerHits = hits,
            TrackerTotal = total,
        };
    }

    /// <summary>The checklists of a conversation: a seeded choice of the organisation's checklists, each tracker scored.</summary>
    public IReadOnlyList<Checklist> Checklists(long key)
    {
        var random = new StableRandom(_seed, key, 4);
        var count = random.Next(1, 4);
        var first = random.Next(0, Organization.Checklists.Count);
        var checklists = new List<Checklist>(count);
        for (var c = 0; c < count; c++)
        {
            var definition = Organization.Checklists[(first + c) % Organization.Checklists.Count];
            var trackers = new List<Tracker>();
            foreach (var name in definition.Trackers)
            {
                var aiScore = random.NextRounded(0, 1);
                var isHit = aiScore >= 0.5;
                trackers.Add(new Tracker { TrackerName = name, Name = name, TrackerIsHit = isHit, IsHit = isHit, TrackerAiScore = aiScore, AiScore = aiScore });
            }

            var score = trackers.Count(t => t.TrackerIsHit);
            checklists.Add(new Checklist
            {
                ChecklistName = definition.Name,
                Name = definition.Name,
                ChecklistScore = score,
                Score = score,
                ChecklistDenominator = trackers.Count,
                Denominator = trackers.Count,
                TrackerData = trackers,
            });
        }

        return checklists;
    }

    /// <summary>Hits and trackers of <see cref="Checklists"/> without building them (the same draws, in the same order), for the analytics scan.</summary>
    private (int Hits, int Total) CountTrackers(long key)
    {
        var random = new StableRandom(_seed, key, 4);
        var count = random.Next(1, 4);
        var first = random.Next(0, Organization.Checklists.Count);
        int hits = 0, total = 0;
        for (var c = 0; c < count; c++)
        {
            foreach (var unused in Organization.Checklists[(first + c) % Organization.Checklists.Count].Trackers)
            {
                hits += random.NextRounded(0, 1) >= 0.5 ? 1 : 0;
                total++;
            }
        }

        return (hits, total);
    }

    /// <summary>The conversation's export record; media URLs come from <paramref name="mediaUrls"/>.</summary>
    public ConversationsExport Export(ConversationCore core, Func<Guid, (string Audio, string Transcript)> mediaUrls)
    {
        var random = new StableRandom(_seed, core.Key, 5);
        var customer = $"{random.Pick(CustomerFirstNames)} {random.Pick(CustomerLastNames)}";
        var jobNumber = random.Next(1000, 99999);
        var checklists = Checklists(core.Key);
        var conversationId = IdOf(core.Key);
        var (audio, transcript) = mediaUrls(conversationId);
        var id = conversationId.ToString();
        return new ConversationsExport
        {
            ConversationId = conversationId,
            RecordingId = $"rec-{random.NextUInt64() & 0xFFFFFFFF:x8}",
            Date = DateTimeOffset.FromUnixTimeSeconds(core.RecordedSeconds),
            ProcessedDate = DateTimeOffset.FromUnixTimeSeconds(core.ProcessedSeconds),
            Title = $"{random.Pick(PanelNames)} - {customer}",
            Duration = core.Duration,
            CrmEventID = $"evt-{random.Next(10000, 999999)}",
            User = new ConversationUser { Id = core.Rep.UserId, Name = core.Rep.Name, Email = core.Rep.Email },
            JobNumber = $"JOB-{jobNumber}",
            StLink = $"https://go.servicetitan.com/jobs/{jobNumber}",
            TotalSold = core.TotalSold,
            Outcome = core.Outcome,
            JobSummary = $"{core.Rep.Name.Split(' ')[0]} met {customer} and walked through the options; outcome: {core.Outcome}.",
            CustomSummary = core.Outcome == "Sold" ? "Customer chose the premium package." : "Customer wants to compare quotes.",
            RepSpeedWPM = core.RepSpeedWpm,
            RepTalkRatio = core.TalkRatio,
            LongestRepMonologue = core.LongestRepMonologue,
            LongestCustomerMonologue = core.LongestCustomerMonologue,
            TotalComments = core.TotalComments,
            RillaUrl = $"https://app.rillavoice.com/conversations/single?id={id}",
            Viewers = core.Viewers.Select(v => new Viewer { UserId = v.User.UserId, Name = v.User.Name, ViewCount = v.ViewCount, TotalViewTimeMs = v.ViewTimeMs }).ToList(),
            Checklists = checklists.ToList(),
            AiTrackers = checklists.SelectMany(c => c.TrackerData.Select(t => new AiTracker { ChecklistName = c.ChecklistName, TrackerName = t.TrackerName, IsHit = t.TrackerIsHit, AiScore = t.TrackerAiScore })).ToList(),
            CustomFields = random.Chance(0.3) ? null : CustomFields(ref random),
            SurveyResults = random.Chance(0.8) ? [] : [SurveyResult(ref random)],
            AudioUrl = audio,
            TranscriptUrl = transcript,
        };
    }

    private static readonly string[] CustomerFirstNames = ["John", "Mary", "Ahmed", "Linda", "Carlos", "Grace", "Wei", "Fatima", "Peter", "Olga"];
    private static readonly string[] CustomerLastNames = ["Doe", "Miller", "Hassan", "Jones", "Santos", "Lee", "Ivanova", "Clark", "Wright", "Adams"];
    private static readonly string[] LeadSources = ["Facebook", "Google Ads", "Referral", "Door Knock", "Home Show"];

    private static Dictionary<string, object> CustomFields(ref StableRandom random)
    {
        var fields = new Dictionary<string, object>(StringComparer.Ordinal) { ["leadSource"] = random.Pick(LeadSources) };
        if (random.Chance(0.5))
        {
            fields["homeAgeYears"] = random.Next(1, 80);
        }

        if (random.Chance(0.3))
        {
            fields["financingRequested"] = random.Chance(0.5);
        }

        return fields;
    }

    private static Dictionary<string, object> SurveyResult(ref StableRandom random) => new(StringComparer.Ordinal)
    {
        ["surveyName"] = "Post-appointment survey",
        ["question"] = "How likely are you to recommend us?",
        ["score"] = random.Next(0, 11),
        ["comment"] = random.Chance(0.5) ? "Very helpful rep." : "Took a while to get a quote.",
    };
}
