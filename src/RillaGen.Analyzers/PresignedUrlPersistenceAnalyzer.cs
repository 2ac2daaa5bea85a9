using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RillaGen.Analyzers
{
    /// <summary>
    /// RILLA002: the value of a RillaGen property marked [PresignedUrl] reaches a place that outlives
    /// the request (a field, a non-RillaGen property, a collection held in a field, a known
    /// persistence sink), directly or through simple locals of the same method.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PresignedUrlPersistenceAnalyzer : RillaAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.Rilla002PresignedUrlPersisted);

        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext context, RillaSymbols symbols)
        {
            if (!symbols.HasPresignedUrls)
            {
                return;
            }

            // The URL is reported where it is persisted, elsewhere in the method: reporting at the
            // end of the operation block keeps the diagnostic local to it, so the IDE shows it live.
            context.RegisterOperationBlockStartAction(blockContext =>
            {
                var reads = new ConcurrentQueue<(IPropertyReferenceOperation Reference, int Lifetime)>();
                blockContext.RegisterOperationAction(
                    operationContext =>
                    {
                        var reference = (IPropertyReferenceOperation)operationContext.Operation;
                        if (symbols.GetPresignedUrlLifetime(reference.Property) is { } lifetime && !IsWriteTarget(reference))
                        {
                            reads.Enqueue((reference, lifetime));
                        }
                    },
                    OperationKind.PropertyReference);
                blockContext.RegisterOperationBlockEndAction(endContext =>
                {
                    foreach (var (reference, lifetime) in reads)
                    {
                        Analyze(endContext.ReportDiagnostic, symbols, reference, lifetime);
                    }
                });
            });
        }

        private static void Analyze(Action<Diagnostic> report, RillaSymbols symbols, IPropertyReferenceOperation reference, int lifetime)
        {
            var tracker = new UrlFlow(symbols);
            tracker.Follow(reference);

            var member = reference.Property.ContainingType.Name + "." + reference.Property.Name;
            var expires = DescribeDuration(lifetime);
            foreach (var sink in tracker.Sinks)
            {
                report(Diagnostic.Create(
                    Descriptors.Rilla002PresignedUrlPersisted,
                    sink.Value.Syntax.GetLocation(),
                    additionalLocations: sink.Value.Syntax == reference.Syntax ? null : new[] { Syntax.MemberNameLocation(reference) },
                    member,
                    expires,
                    sink.What));
            }
        }

        private static bool IsWriteTarget(IPropertyReferenceOperation reference) =>
            reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;

        internal static string DescribeDuration(int seconds)
        {
            if (seconds % 3600 == 0)
            {
                return Count(seconds / 3600, "hour");
            }

            if (seconds % 60 == 0)
            {
                return Count(seconds / 60, "minute");
            }

            return Count(seconds, "second");
        }

        private static string Count(int value, string unit) =>
            value.ToString(CultureInfo.InvariantCulture) + " " + unit + (value == 1 ? string.Empty : "s");

        /// <summary>A place where the URL is persisted: the value as it arrives there, and what happens to it.</summary>
        private readonly struct Sink
        {
            public Sink(IOperation value, string what)
            {
                Value = value;
                What = what;
            }

            public IOperation Value { get; }

            public string What { get; }
        }

        /// <summary>Follows one URL read through conversions, string building and simple locals.</summary>
        private sealed class UrlFlow
        {
            private readonly RillaSymbols _symbols;
            private readonly HashSet<ILocalSymbol> _followedLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            private readonly HashSet<IOperation> _reported = new HashSet<IOperation>();

            public UrlFlow(RillaSymbols symbols)
            {
                _symbols = symbols;
            }

            public List<Sink> Sinks { get; } = new List<Sink>();

            public void Follow(IOperation value)
            {
                var current = value;
                while (current.Parent is { } parent)
                {
                    switch (parent)
                    {
                        case IConversionOperation _:
                        case ICoalesceOperation _:
                        case IInterpolationOperation _:
                        case IInterpolatedStringOperation _:
                        case IConditionalAccessOperation access when access.WhenNotNull == current:
                        case IConditionalOperation conditional when conditional.WhenTrue == current || conditional.WhenFalse == current:
                        case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                            current = parent;
                            continue;

                        case IInvocationOperation invocation when invocation.Instance == current:
                            // url.Trim(), uri.ToString(): the result is still the URL.
                            if (!IsUrlLike(invocation.Type))
                            {
                                return;
                            }

                            current = parent;
                            continue;

                        case IPropertyReferenceOperation property when property.Instance == current:
                            // uri.AbsoluteUri and the like.
                            if (!IsUrlLike(property.Type))
                            {
                                return;
                            }

                            current = parent;
                            continue;

                        case ISimpleAssignmentOperation assignment when assignment.Value == current:
                            Assigned(assignment.Target, current);
                            return;

                        case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                            FollowLocal(declarator.Symbol, declarator);
                            return;

                        case IFieldInitializerOperation fieldInitializer:
                            foreach (var field in fieldInitializer.InitializedFields)
                            {
                                Report(current, "stored in the field '" + field.ContainingType.Name + "." + field.Name + "'");
                            }

                            return;

                        case IArgumentOperation argument:
                            Passed(argument, current);
                            return;

                        default:
                            return;
                    }
                }
            }

            private void Assigned(IOperation target, IOperation value)
            {
                switch (target)
                {
                    case IFieldReferenceOperation field:
                        Report(value, "stored in the field '" + field.Field.ContainingType.Name + "." + field.Field.Name + "'");
                        break;

                    case IPropertyReferenceOperation { Property: { IsIndexer: true } } indexer:
                        if (HeldInFieldOrProperty(indexer.Instance) is { } holder)
                        {
                            Report(value, "stored in the collection held in '" + holder + "'");
                        }

                        break;

                    case IPropertyReferenceOperation property:
                        if (PersistsAssignedValue(property.Property))
                        {
                            Report(value, "assigned to '" + property.Property.ContainingType.Name + "." + property.Property.Name + "'");
                        }

                        break;

                    case ILocalReferenceOperation local:
                        FollowLocal(local.Local, local);
                        break;
                }
            }

            private void Passed(IArgumentOperation argument, IOperation value)
            {
                switch (argument.Parent)
                {
                    case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol type:
                        if (SinkSymbols.Is(type, SinkSymbols.Uri))
                        {
                            Follow(creation);
                        }
                        else if (SinkSymbols.DescribeConstructor(type) is { } what)
                        {
                            Report(value, what);
                        }
                        else if (IsUserType(type))
                        {
                            Report(value, "passed to the constructor of '" + type.Name + "'");
                        }

                        break;

                    case IInvocationOperation invocation:
                        Invoked(invocation, value);
                        break;
                }
            }

            private void Invoked(IInvocationOperation invocation, IOperation value)
            {
                var method = invocation.TargetMethod;
                if (_symbols.IsRillaMember(method))
                {
                    // RillaGen's own methods (downloads) use the URL at once.
                    return;
                }

                if (SinkSymbols.Describe(method) is { } what)
                {
                    if (!IsConsole(invocation.Instance))
                    {
                        Report(value, what);
                    }

                    return;
                }

                if (SinkSymbols.IsCollectionAdd(method) && HeldInFieldOrProperty(invocation.Instance) is { } holder)
                {
                    Report(value, "added to the collection held in '" + holder + "'");
                    return;
                }

                if (method.ContainingType?.SpecialType == SpecialType.System_String && IsUrlLike(method.ReturnType))
                {
                    // string.Concat, string.Format, string.Join: the result still holds the URL.
                    Follow(invocation);
                }
            }

            private void FollowLocal(ILocalSymbol local, IOperation within)
            {
                if (local.IsRef || !_followedLocals.Add(local))
                {
                    return;
                }

                foreach (var operation in Flow.Scope(local, within).Descendants())
                {
                    if (operation is ILocalReferenceOperation reference
                        && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                        && !Flow.IsWritten(reference))
                    {
                        Follow(reference);
                    }
                }
            }

            private void Report(IOperation value, string what)
            {
                if (_reported.Add(value))
                {
                    Sinks.Add(new Sink(value, what));
                }
            }

            private bool PersistsAssignedValue(IPropertySymbol property)
            {
                if (_symbols.IsRillaMember(property))
                {
                    return false;
                }

                return SinkSymbols.IsSinkProperty(property) || IsUserType(property.ContainingType);
            }

            private bool IsUserType(INamedTypeSymbol type) =>
                !type.IsAnonymousType
                && !_symbols.IsRillaMember(type)
                && !SinkSymbols.IsFrameworkType(type);

            /// <summary>The field or property that holds a collection, or null for a local collection.</summary>
            private string? HeldInFieldOrProperty(IOperation? instance)
            {
                switch (instance)
                {
                    case IFieldReferenceOperation field:
                        return field.Field.ContainingType.Name + "." + field.Field.Name;
                    case IPropertyReferenceOperation property when !_symbols.IsRillaMember(property.Property):
                        return property.Property.ContainingType.Name + "." + property.Property.Name;
                    default:
                        return null;
                }
            }

            private static bool IsConsole(IOperation? instance) =>
                instance is IPropertyReferenceOperation property && SinkSymbols.Is(property.Property.ContainingType, SinkSymbols.Console);

            private static bool IsUrlLike(ITypeSymbol? type) =>
                type != null && (type.SpecialType == SpecialType.System_String || SinkSymbols.Is(type, SinkSymbols.Uri));
        }
    }
}
