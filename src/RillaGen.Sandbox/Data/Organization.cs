namespace RillaGen.Sandbox.Data;

/// <summary>A team of the generated organisation.</summary>
internal sealed record SandboxTeam(int Index, string TeamId, string Name, string? ExternalTeamId, SandboxTeam? Parent);

/// <summary>A user of the generated organisation.</summary>
internal sealed record SandboxUser(
    int Index,
    string UserId,
    string Name,
    string Email,
    string Role,
    bool IsRemoved,
    bool AccountSetUp,
    bool HasVoiceId,
    SandboxTeam? Team,
    bool Records);

/// <summary>A coaching checklist and the names of its trackers.</summary>
internal sealed record ChecklistDefinition(string Name, IReadOnlyList<string> Trackers);

/// <summary>
/// The organisation behind the data: regions with subteams, managers, reps (some removed, one who
/// never records), an admin, and the checklists conversations are scored against. Small and built
/// once from the seed.
/// </summary>
internal sealed class Organization
{
    private static readonly string[] FirstNames = ["Jane", "John", "Maria", "Omar", "Priya", "Luis", "Chen", "Aisha", "Tom", "Sara", "Diego", "Emma", "Kofi", "Nina", "Ravi", "Lena", "Marco", "Yuki", "Zoe", "Ben"];
    private static readonly string[] LastNames = ["Smith", "Garcia", "Nguyen", "Patel", "Kim", "Brown", "Lopez", "Okafor", "Rossi", "Muller", "Tanaka", "Silva", "Cohen", "Khan", "Walker", "Reyes"];
    private static readonly string[] Regions = ["West Region", "East Region", "Central Region", "North Region"];
    private static readonly string[] Divisions = ["Residential", "Commercial", "Service"];
    private static readonly string[] Domains = ["acme-roofing.example", "brightsolar.example", "coolair-hvac.example", "summit-windows.example"];

    public Organization(int seed)
    {
        var random = new StableRandom(seed, -1, 0);
        Domain = random.Pick(Domains);

        var teams = new List<SandboxTeam>();
        var regionCount = random.Next(2, 5);
        for (var r = 0; r < regionCount; r++)
        {
            var region = new SandboxTeam(teams.Count, $"team-{teams.Count + 1}", Regions[r], random.Chance(0.7) ? $"ST-{Regions[r].Split(' ')[0].ToUpperInvariant()}" : null, null);
            teams.Add(region);
            var divisionCount = random.Next(1, 4);
            for (var d = 0; d < divisionCount; d++)
            {
                var name = $"{Regions[r].Split(' ')[0]} {Divisions[d]}";
                teams.Add(new SandboxTeam(teams.Count, $"team-{teams.Count + 1}", name, random.Chance(0.5) ? $"ST-{teams.Count + 1:D3}" : null, region));
            }
        }

        Teams = teams;

        var users = new List<SandboxUser>();
        var usedEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        SandboxUser AddUser(string role, SandboxTeam? team, bool records, bool removed, bool setUp)
        {
            var first = random.Pick(FirstNames);
            var last = random.Pick(LastNames);
            var email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@{Domain}";
            for (var n = 2; !usedEmails.Add(email); n++)
            {
                email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{n}@{Domain}";
            }

            var user = new SandboxUser(users.Count, $"user-{users.Count + 1:D3}", $"{first} {last}", email, role, removed, setUp, records && random.Chance(0.8), team, records);
            users.Add(user);
            return user;
        }

        AddUser("admin", null, records: false, removed: false, setUp: true);
        foreach (var team in teams)
        {
            if (team.Parent is null)
            {
                AddUser("manager", team, records: false, removed: false, setUp: true);
                continue;
            }

            var reps = random.Next(3, 7);
            for (var i = 0; i < reps; i++)
            {
                var removed = random.Chance(0.1);
                AddUser("rep", team, records: true, removed, setUp: true);
            }
        }

        // One rep who never recorded: their analytics are null in every range.
        AddUser("rep", teams[^1], records: false, removed: false, setUp: false);
        Users = users;

        // Conversation i is recorded by RecordingCycle[i % count], a seeded permutation of the recording reps.
        var recorders = users.Where(u => u.Records).ToList();
        for (var i = recorders.Count - 1; i > 0; i--)
        {
            var j = random.Next(0, i + 1);
            (recorders[i], recorders[j]) = (recorders[j], recorders[i]);
        }

        RecordingCycle = recorders;
        Viewers = users.Where(u => !u.Records && u.AccountSetUp).ToList();

        Checklists =
        [
            new ChecklistDefinition("Discovery", ["Asked about budget", "Asked about timeline", "Identified decision makers", "Toured the home", "Confirmed the pain point"]),
            new ChecklistDefinition("Presentation", ["Presented three options", "Explained the warranty", "Shared social proof", "Handled objections"]),
            new ChecklistDefinition("Close", ["Asked for the sale", "Discussed financing", "Scheduled next steps"]),
            new ChecklistDefinition("Intro", ["Introduced themselves", "Set the agenda", "Built rapport"]),
        ];
    }

    public string Domain { get; }

    public IReadOnlyList<SandboxTeam> Teams { get; }

    public IReadOnlyList<SandboxUser> Users { get; }

    /// <summary>Reps in recording order: conversation i belongs to RecordingCycle[i % Count].</summary>
    public IReadOnlyList<SandboxUser> RecordingCycle { get; }

    /// <summary>Users who view (and comment on) conversations: managers and the admin.</summary>
    public IReadOnlyList<SandboxUser> Viewers { get; }

    public IReadOnlyList<ChecklistDefinition> Checklists { get; }

    public SandboxTeam? FindTeam(string teamId) => Teams.FirstOrDefault(t => string.Equals(t.TeamId, teamId, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="team"/> is <paramref name="ancestor"/> or one of its subteams.</summary>
    public static bool IsWithin(SandboxTeam? team, SandboxTeam ancestor)
    {
        for (var t = team; t is not null; t = t.Parent)
        {
            if (ReferenceEquals(t, ancestor))
            {
                return true;
            }
        }

        return false;
    }
}
