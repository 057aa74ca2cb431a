namespace SmartHome.Contracts.Validation;

/// <summary>The reasons a message can be refused, as counted in health output.</summary>
public static class RejectionCodes
{
    public const string BadTopic = "bad-topic";
    public const string TooLarge = "too-large";
    public const string MalformedJson = "malformed-json";
    public const string InvalidField = "invalid-field";
    public const string WrongSchema = "wrong-schema";
    public const string TopicMismatch = "topic-mismatch";
    public const string Duplicate = "duplicate";
}
