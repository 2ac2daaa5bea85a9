namespace RillaGen.Sandbox.Api;

/// <summary>A request the API rejects with 400; the message names the field and the rule.</summary>
internal sealed class RequestValidationException : Exception
{
    public RequestValidationException(string message)
        : base(message)
    {
    }

    public RequestValidationException()
    {
    }

    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
