using System;
using Newtonsoft.Json.Serialization;

namespace RillaGen
{
    /// <summary>
    /// The client's own contract resolver: it validates every request body as the generated code
    /// serializes it, which is before the request is sent. Serializing a model elsewhere is unaffected.
    /// </summary>
    internal sealed class ValidatingContractResolver : DefaultContractResolver
    {
        internal static readonly ValidatingContractResolver Instance = new ValidatingContractResolver();

        protected override JsonObjectContract CreateObjectContract(Type objectType)
        {
            var contract = base.CreateObjectContract(objectType);
            if (objectType == typeof(ExportConversationsRequest) || objectType == typeof(ExportTeamsRequest) || objectType == typeof(ExportUsersRequest))
            {
                contract.OnSerializingCallbacks.Add((value, _) => RequestValidator.Validate(value));
            }

            return contract;
        }
    }
}
