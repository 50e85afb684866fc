// Local cloud: reads the synthesized cloud assembly and derives everything it runs locally from it,
// so local wiring and cloud wiring cannot drift apart. Each resource type has its translator (resources/).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type ResolveScope, resolveString, resolveValue, UnsupportedTemplateError } from './intrinsics.ts';
import {
  LOCAL_ACCOUNT,
  LOCAL_REGION,
  type LoadedStack,
  type LocalAuthorizer,
  type LocalEndpoints,
  type LocalModel,
} from './local-model.ts';
import { translatorFor } from './resources/index.ts';
import {
  arn,
  type LocalNames,
  type ModelUnderConstruction,
  type StackTranslation,
} from './resources/translator.ts';

export * from './local-model.ts';

/** Reads every CloudFormation stack of a cloud assembly (cdk.out), in dependency order. */
export function loadAssembly(assemblyDir: string): LoadedStack[] {
  const manifestFile = path.join(assemblyDir, 'manifest.json');
  if (!existsSync(manifestFile))
    throw new Error(`No cloud assembly at ${assemblyDir}: run "npm run synth" first`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    artifacts: Record<
      string,
      { type: string; properties?: { templateFile: string; stackName?: string }; dependencies?: string[] }
    >;
  };
  const stacks = Object.entries(manifest.artifacts).filter(
    ([, artifact]) => artifact.type === 'aws:cloudformation:stack',
  );
  const ordered: string[] = [];
  const visit = (id: string) => {
    if (ordered.includes(id)) return;
    for (const dependency of manifest.artifacts[id]?.dependencies ?? []) {
      if (manifest.artifacts[dependency]?.type === 'aws:cloudformation:stack') visit(dependency);
    }
    ordered.push(id);
  };
  for (const [id] of stacks) visit(id);
  return ordered.map((id) => {
    const artifact = manifest.artifacts[id]!;
    const templateFile = path.join(assemblyDir, artifact.properties!.templateFile);
    return {
      stackName: artifact.properties!.stackName ?? id,
      template: JSON.parse(readFileSync(templateFile, 'utf8')),
    };
  });
}

/**
 * Builds the local model. Every trigger in the templates (event-source mappings, bucket notifications,
 * routes, schedules) becomes a local wiring, or an UnsupportedTemplateError naming the resource and why.
 */
export function buildLocalModel(
  stacks: readonly LoadedStack[],
  assemblyDir: string,
  endpoints: LocalEndpoints,
): LocalModel {
  const names = new Map<string, Map<string, LocalNames>>();
  const exportsByName = new Map<string, { stack: LoadedStack; value: unknown }>();
  for (const stack of stacks) {
    names.set(stack.stackName, new Map());
    for (const output of Object.values(stack.template.Outputs ?? {})) {
      if (output.Export) exportsByName.set(String(output.Export.Name), { stack, value: output.Value });
    }
  }

  const scopes = new Map<string, ResolveScope>();
  const scopeFor = (stack: LoadedStack): ResolveScope => {
    const existing = scopes.get(stack.stackName);
    if (existing) return existing;
    const scope: ResolveScope = {
      stackName: stack.stackName,
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT,
      ref: (id) => names.get(stack.stackName)?.get(id)?.ref,
      getAtt: (id, attribute) => names.get(stack.stackName)?.get(id)?.atts[attribute],
      importValue: (exportName) => {
        const found = exportsByName.get(exportName);
        return found ? resolveString(found.value, scopeFor(found.stack), `export ${exportName}`) : undefined;
      },
    };
    scopes.set(stack.stackName, scope);
    return scope;
  };

  // Pass 1: a local name, Ref value and attributes for every resource.
  for (const stack of stacks) {
    const table = names.get(stack.stackName)!;
    const scope = scopeFor(stack);
    for (const [id, resource] of Object.entries(stack.template.Resources ?? {})) {
      const properties = resource.Properties ?? {};
      const where = `${stack.stackName}/${id} (${resource.Type})`;
      const naming = translatorFor(resource.Type)?.names;
      table.set(
        id,
        naming
          ? naming({
              id,
              stackName: stack.stackName,
              properties,
              explicit: (key) =>
                properties[key] === undefined ? undefined : resolveString(properties[key], scope, where),
              endpoints,
            })
          : genericNames(id),
      );
    }
  }

  const model: ModelUnderConstruction = {
    functions: [],
    queues: [],
    tables: [],
    buckets: [],
    notifications: [],
    eventSourceMappings: [],
    apis: [],
    routes: [],
    schedules: [],
    userPools: [],
    secrets: [],
    staticRoutes: [],
    bucketDeployments: [],
    outputs: {},
  };

  for (const stack of stacks) {
    const resources = stack.template.Resources ?? {};
    const translation: StackTranslation = {
      stack,
      resources,
      scope: scopeFor(stack),
      assemblyDir,
      model,
      namesOf: (id) => names.get(stack.stackName)!.get(id)!,
      integrations: new Map<string, string>(),
      authorizers: new Map<string, LocalAuthorizer>(),
      customResourceProviders: new Set(
        Object.values(resources).flatMap((resource) => {
          const token = resource.Properties?.ServiceToken as { 'Fn::GetAtt'?: [string, string] } | undefined;
          return token?.['Fn::GetAtt'] ? [token['Fn::GetAtt'][0]] : [];
        }),
      ),
    };
    const inputOf = (id: string) => {
      const resource = resources[id]!;
      const where = `${stack.stackName}/${id} (${resource.Type})`;
      const props = (resolveValue(resource.Properties ?? {}, translation.scope, where) ?? {}) as Record<
        string,
        unknown
      >;
      return { id, resource, where, props, ref: translation.namesOf(id).ref };
    };

    // Pass 2: the resources and triggers, with every value resolved.
    for (const [id, resource] of Object.entries(resources)) {
      const where = `${stack.stackName}/${id} (${resource.Type})`;
      if (resource.Type === 'AWS::CDK::Metadata') continue;
      if (resource.Condition) {
        throw new UnsupportedTemplateError(where, 'conditional resources are not supported locally');
      }
      const translator = translatorFor(resource.Type);
      if (!translator)
        throw new UnsupportedTemplateError(where, `${resource.Type} is not known to the local cloud`);
      const input = inputOf(id);
      translator.translate?.(input, translation);
    }
    // Pass 3: what needs the rest of the stack (routes need integrations, app clients need their pool).
    for (const [id, resource] of Object.entries(resources)) {
      const link = translatorFor(resource.Type)?.link;
      if (link) link(inputOf(id), translation);
    }

    for (const [id, output] of Object.entries(stack.template.Outputs ?? {})) {
      try {
        model.outputs[`${stack.stackName}.${id}`] = resolveString(
          output.Value,
          translation.scope,
          `${stack.stackName} output ${id}`,
        );
      } catch {
        // An output the local cloud cannot express is informational only.
      }
    }
  }

  for (const mapping of model.eventSourceMappings) {
    if (!model.functions.some((fn) => fn.name === mapping.functionName)) {
      throw new UnsupportedTemplateError(
        `event source mapping ${mapping.id}`,
        `function ${mapping.functionName} is not in the template`,
      );
    }
  }
  return model;
}

/** A resource without a naming of its own: `local-<id>`, and any attribute made up from its id. */
function genericNames(id: string): LocalNames {
  return {
    ref: `local-${id}`,
    atts: new Proxy({} as Record<string, string>, {
      get: (_target, attribute) =>
        attribute === 'Arn' ? arn('local', id) : `local-${id}-${String(attribute)}`,
    }),
  };
}
