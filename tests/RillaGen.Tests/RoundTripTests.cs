using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RillaGen.Tests;

/// <summary>The reference's payloads survive a trip through the generated models: aliases and unknown fields included.</summary>
public sealed class RoundTripTests(SpecFixture spec) : IClassFixture<SpecFixture>
{
    public static TheoryData<int> ReferenceExampleIndexes() => new(Enumerable.Range(0, ReferenceDocument.Load(RepoPaths.Reference).Examples.Count));

    [Theory]
    [MemberData(nameof(ReferenceExampleIndexes))]
    public void Reference_example_round_trips_without_loss(int index)
    {
        var example = spec.Reference.Examples[index];
        var modelType = typeof(RillaExportClient).Assembly.GetType("RillaGen." + example.Schema, throwOnError: true)!;
        var original = ParseWithDates(example.Json);
        original["fieldFromANewerApi"] = new JObject { ["nested"] = new JArray(1, "two") };

        var model = original.ToObject(modelType, JsonSerializer.CreateDefault())!;
        var written = ParseWithDates(JsonConvert.SerializeObject(model));

        AssertSameJson(original, written, example.Schema);
    }

    [Fact]
    public void Deprecated_aliases_keep_their_values_beside_the_canonical_fields()
    {
        var json = spec.Reference.Examples.First(e => e.Schema == "ConversationsExport").Json;
        var conversation = JsonConvert.DeserializeObject<ConversationsExport>(json)!;
        var checklist = conversation.Checklists.Single();
        var tracker = checklist.TrackerData.Single();
#pragma warning disable RILLA001 // reading the aliases on purpose: the test proves they survive
        Assert.Equal(checklist.ChecklistScore, checklist.Score);
        Assert.Equal(tracker.TrackerAiScore, tracker.AiScore);
#pragma warning restore RILLA001
        Assert.Equal(12500m, conversation.TotalSold);
        Assert.Equal("Facebook", conversation.CustomFields!["leadSource"]);
    }

    [Fact]
    public void Request_dates_are_sent_in_iso_8601_with_their_offset()
    {
        var request = new ExportConversationsRequest
        {
            FromDate = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.FromHours(-5)),
            ToDate = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var json = JsonConvert.DeserializeObject<JObject>(JsonConvert.SerializeObject(request), new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;
        Assert.Equal("2024-03-01T00:00:00-05:00", json.Value<string>("fromDate"));
        Assert.Equal("2024-04-01T00:00:00+00:00", json.Value<string>("toDate"));
        Assert.Equal("timeOfRecording", json.Value<string>("dateType"));
        Assert.Equal(50, json.Value<int>("limit"));
    }

    private static JObject ParseWithDates(string json) =>
        JsonConvert.DeserializeObject<JObject>(json, new JsonSerializerSettings { DateParseHandling = DateParseHandling.DateTimeOffset })!;

    private static void AssertSameJson(JToken expected, JToken actual, string path)
    {
        switch (expected)
        {
            case JObject expectedObject:
                var actualObject = Assert.IsType<JObject>(actual);
                Assert.True(
                    expectedObject.Properties().Select(p => p.Name).Order().SequenceEqual(actualObject.Properties().Select(p => p.Name).Order()),
                    $"{path}: fields differ: expected [{string.Join(", ", expectedObject.Properties().Select(p => p.Name))}], got [{string.Join(", ", actualObject.Properties().Select(p => p.Name))}]");
                foreach (var property in expectedObject.Properties())
                {
                    AssertSameJson(property.Value, actualObject[property.Name]!, $"{path}.{property.Name}");
                }

                break;
            case JArray expectedArray:
                var actualArray = Assert.IsType<JArray>(actual);
                Assert.Equal(expectedArray.Count, actualArray.Count);
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertSameJson(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            case JValue { Type: JTokenType.Integer or JTokenType.Float } number:
                Assert.True(actual.Type is JTokenType.Integer or JTokenType.Float, $"{path}: expected a number, got {actual.Type}.");
                Assert.Equal(number.Value<decimal>(), actual.Value<decimal>());
                break;
            case JValue { Type: JTokenType.Date } date:
                Assert.Equal(date.Value<DateTimeOffset>(), actual.Value<DateTimeOffset>());
                break;
            case JValue { Type: JTokenType.String } text:
                Assert.Equal(text.Value<string>(), actual.Value<string>()); // a Guid is written back as its string
                break;
            default:
                Assert.True(JToken.DeepEquals(expected, actual), $"{path}: expected {expected}, got {actual}.");
                break;
        }
    }
}
