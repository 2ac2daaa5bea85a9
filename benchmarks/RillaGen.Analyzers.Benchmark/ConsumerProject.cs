using System;
using System.Globalization;
using System.IO;

namespace RillaGen.Analyzers.Benchmark
{
    /// <summary>The consumer project: a csproj, and many files of typical client code.</summary>
    internal static class ConsumerProject
    {
        public static string? FindRepository(string from)
        {
            for (var folder = new DirectoryInfo(from); folder != null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "RillaGen.sln")))
                {
                    return folder.FullName;
                }
            }

            return null;
        }

        public static void Write(string output, string repository, int files, bool withRillaGen)
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "Consumer.csproj"), Project(repository, withRillaGen));
            if (!withRillaGen)
            {
                File.WriteAllText(Path.Combine(output, "LookAlikes.cs"), LookAlikes);
            }

            for (var i = 0; i < files; i++)
            {
                File.WriteAllText(Path.Combine(output, $"Report{i:D4}.cs"), Report(i, withRillaGen));
            }
        }

        private static string Project(string repository, bool withRillaGen)
        {
            var client = Path.Combine(repository, "src", "RillaGen", "RillaGen.csproj");
            var analyzers = Path.Combine(repository, "src", "RillaGen.Analyzers", "RillaGen.Analyzers.csproj");
            var reference = withRillaGen ? $"""    <ProjectReference Include="{client}" />""" : string.Empty;
            return $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <!-- Only RillaGen's analyzers run, so their share is not diluted by the SDK's. -->
                    <EnableNETAnalyzers>false</EnableNETAnalyzers>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                {reference}
                    <ProjectReference Include="{analyzers}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                  </ItemGroup>
                </Project>
                """;
        }

        private static string Report(int index, bool withRillaGen)
        {
            var ns = withRillaGen ? "RillaGen" : "Consumer.LookAlikes";
            var limit = 1 + (index % 50);
            return $$"""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Net.Http;
                using System.Threading.Tasks;
                using {{ns}};

                namespace Consumer.Area{{index % 25}}
                {
                    public sealed class Report{{index}}
                    {
                        private readonly IRillaExportClient _client;
                        private readonly HttpClient _http;
                        private readonly Dictionary<Guid, int> _scores = new Dictionary<Guid, int>();

                        public Report{{index}}(IRillaExportClient client, HttpClient http)
                        {
                            _client = client;
                            _http = http;
                        }

                        public async Task<int> ConversationsAsync(DateTimeOffset from, DateTimeOffset to, string folder)
                        {
                            var request = new ExportConversationsRequest { FromDate = from, ToDate = to, Limit = {{limit}}, Page = 1 };
                            var total = 0;
                            for (var page = 1; ; page++)
                            {
                                request.Page = page;
                                var response = await _client.ExportConversationsAsync(request);
                                foreach (var conversation in response.Conversations)
                                {
                                    var score = Score(conversation);
                                    _scores[conversation.ConversationId] = score;
                                    total += score;
                                    var audio = conversation.AudioUrl;
                                    if (audio.StartsWith("https", StringComparison.Ordinal))
                                    {
                                        var bytes = await _http.GetByteArrayAsync(audio);
                                        await File.WriteAllBytesAsync(Path.Combine(folder, conversation.ConversationId + ".mp3"), bytes);
                                    }

                                    using var transcript = await _http.GetStreamAsync(new Uri(conversation.TranscriptUrl));
                                    Console.WriteLine($"{conversation.Title}: {score} ({conversation.Duration:0}s)");
                                }

                                if (page >= response.TotalPages)
                                {
                                    return total;
                                }
                            }
                        }

                        public async Task<int> TeamsAsync(DateTimeOffset from, DateTimeOffset to)
                        {
                            var teams = await _client.ExportTeamsAsync(new ExportTeamsRequest { FromDate = from, ToDate = to, IncludeSubteams = true });
                            return teams.Teams.Where(t => t.Name.Length > 0).Sum(t => t.TotalUsers + t.TotalUsersWhoRecorded);
                        }

                        public async Task<double> UsersAsync(DateTimeOffset from, DateTimeOffset to)
                        {
                            var users = await _client.ExportUsersAsync(new ExportUsersRequest { FromDate = from, ToDate = to });
                            return users.Users.Where(u => u.Email.Length > 0 && u.Name.Length > 0).Sum(u => u.AverageConversationDuration ?? 0);
                        }

                        private static int Score(ConversationsExport conversation)
                        {
                            var score = 0;
                            foreach (var checklist in conversation.Checklists)
                            {
                                score += checklist.ChecklistScore * 100 / Math.Max(1, checklist.ChecklistDenominator);
                                foreach (var tracker in checklist.TrackerData)
                                {
                                    if (tracker.TrackerIsHit && tracker.TrackerName.Length > 0)
                                    {
                                        score += (int)(tracker.TrackerAiScore * 10);
                                    }
                                }
                            }

                            foreach (var ai in conversation.AiTrackers)
                            {
                                score += ai.IsHit ? (int)(ai.AiScore * 10) : 0;
                            }

                            return score + conversation.Viewers.Count(v => v.Name.Length > 0 && v.ViewCount > {{index % 3}});
                        }
                    }
                }
                """;
        }

        // The same shapes as the generated client, for the build that does not reference RillaGen.
        private const string LookAlikes = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            namespace Consumer.LookAlikes
            {
                public interface IRillaExportClient
                {
                    Task<ExportConversationsResponse> ExportConversationsAsync(ExportConversationsRequest body);
                    Task<ExportTeamsResponse> ExportTeamsAsync(ExportTeamsRequest body);
                    Task<ExportUsersResponse> ExportUsersAsync(ExportUsersRequest body);
                }

                public class ExportConversationsRequest { public DateTimeOffset FromDate { get; set; } public DateTimeOffset ToDate { get; set; } public int? Page { get; set; } public int? Limit { get; set; } }
                public class ExportTeamsRequest { public DateTimeOffset FromDate { get; set; } public DateTimeOffset ToDate { get; set; } public bool? IncludeSubteams { get; set; } }
                public class ExportUsersRequest { public DateTimeOffset FromDate { get; set; } public DateTimeOffset ToDate { get; set; } }
                public class ExportConversationsResponse { public int TotalPages { get; set; } public ICollection<ConversationsExport> Conversations { get; set; } = new List<ConversationsExport>(); }
                public class ExportTeamsResponse { public ICollection<Team> Teams { get; set; } = new List<Team>(); }
                public class ExportUsersResponse { public ICollection<User> Users { get; set; } = new List<User>(); }
                public class ConversationsExport
                {
                    public Guid ConversationId { get; set; }
                    public string Title { get; set; } = "";
                    public double Duration { get; set; }
                    public string AudioUrl { get; set; } = "";
                    public string TranscriptUrl { get; set; } = "";
                    public ICollection<Checklist> Checklists { get; set; } = new List<Checklist>();
                    public ICollection<AiTracker> AiTrackers { get; set; } = new List<AiTracker>();
                    public ICollection<Viewer> Viewers { get; set; } = new List<Viewer>();
                }
                public class Checklist { public int ChecklistScore { get; set; } public int ChecklistDenominator { get; set; } public ICollection<Tracker> TrackerData { get; set; } = new List<Tracker>(); }
                public class Tracker { public string TrackerName { get; set; } = ""; public bool TrackerIsHit { get; set; } public double TrackerAiScore { get; set; } }
                public class AiTracker { public bool IsHit { get; set; } public double AiScore { get; set; } }
                public class Viewer { public string Name { get; set; } = ""; public int ViewCount { get; set; } }
                public class Team { public string Name { get; set; } = ""; public int TotalUsers { get; set; } public int TotalUsersWhoRecorded { get; set; } }
                public class User { public string Name { get; set; } = ""; public string Email { get; set; } = ""; public double? AverageConversationDuration { get; set; } }
            }
            """;
    }
}
