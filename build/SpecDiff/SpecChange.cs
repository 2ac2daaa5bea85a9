namespace RillaGen.SpecDiff;

/// <summary>What happened to a part of the spec.</summary>
internal enum ChangeKind
{
    Added,
    Removed,
    Changed,
    Deprecated,
}

/// <summary>One difference between two versions of the spec, said in plain words.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Area">"endpoint", "field", "parameter", "model", "enum value" or "response".</param>
/// <param name="Subject">What it happened to, e.g. <c>ConversationsExport.recordingId</c>.</param>
/// <param name="Detail">The plain-words sentence for release notes.</param>
/// <param name="IsBreaking">Whether code written against the old spec can stop compiling or working.</param>
internal sealed record SpecChange(ChangeKind Kind, string Area, string Subject, string Detail, bool IsBreaking);
