using RillaGen.Sandbox.Data;

namespace RillaGen.Sandbox.Api;

/// <summary>What a key may see: the whole organisation (Team is null) or one team and its subteams.</summary>
internal sealed record CallerScope(SandboxTeam? Team)
{
    public bool Sees(SandboxUser user) => Team is null || (user.Team is not null && Organization.IsWithin(user.Team, Team));

    public bool Sees(SandboxTeam team) => Team is null || Organization.IsWithin(team, Team);

    /// <summary>A stable, non-secret name of the scope, for fault identities.</summary>
    public string Name => Team?.TeamId ?? "organization";
}

/// <summary>
/// Checks the raw API key in the Authorization header. The 401 messages never echo the key.
/// </summary>
internal sealed class ApiKeyAuthenticator
{
    private readonly HashSet<string> _organizationKeys;
    private readonly Dictionary<string, SandboxTeam> _teamKeys = new(StringComparer.Ordinal);

    public ApiKeyAuthenticator(RillaSandboxOptions options, Organization organization)
    {
        _organizationKeys = new HashSet<string>(options.OrganizationKeys, StringComparer.Ordinal);
        var n = 0;
        foreach (var (key, teamId) in options.TeamKeys)
        {
            n++;
            _teamKeys[key] = organization.FindTeam(teamId)
                ?? throw new ArgumentException($"Team-scoped key #{n} names team '{teamId}', which does not exist; the teams are {string.Join(", ", organization.Teams.Select(t => t.TeamId))}.", nameof(options));
        }
    }

    /// <summary>The caller's scope, or null with the 401 message in <paramref name="error"/>.</summary>
    public CallerScope? Authenticate(string? header, out string error)
    {
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(header))
        {
            error = "Unauthorized: the Authorization header is missing. Send your raw API key: Authorization: YOUR_API_KEY";
            return null;
        }

        if (_organizationKeys.Contains(header))
        {
            return new CallerScope(null);
        }

        if (_teamKeys.TryGetValue(header, out var team))
        {
            return new CallerScope(team);
        }

        error = header.Contains(' ', StringComparison.Ordinal)
            ? "Unauthorized: API key not recognized. Send the raw API key with no prefix (not 'Bearer <key>')."
            : "Unauthorized: API key not recognized.";
        return null;
    }
}
