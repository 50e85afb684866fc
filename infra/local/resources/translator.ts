// Local cloud: what a translator from one CloudFormation resource type to local resources looks like.
// Each type the local cloud knows has one entry in the table (resources/index.ts).
import type { ResolveScope } from '../intrinsics.ts';
import {
  type CfnResource,
  LOCAL_ACCOUNT,
  LOCAL_REGION,
  type LoadedStack,
  type LocalAuthorizer,
  type LocalEndpoints,
  type LocalModel,
} from '../local-model.ts';

/** The model while it is being built: every list open for additions. */
export type ModelUnderConstruction = {
  [K in keyof LocalModel]: LocalModel[K] extends readonly (infer T)[] ? T[] : Record<string, string>;
};

/** A resource's Ref value and the attributes Fn::GetAtt may read. */
export interface LocalNames {
  readonly ref: string;
  readonly atts: Record<string, string>;
}

export interface NamingInput {
  readonly id: string;
  readonly stackName: string;
  readonly properties: Record<string, unknown>;
  /** A property given in the template, resolved to a string, or undefined. */
  explicit(key: string): string | undefined;
  readonly endpoints: LocalEndpoints;
}

/** One stack as it is translated: what translators of one type leave for another (integrations, authorisers). */
export interface StackTranslation {
  readonly stack: LoadedStack;
  readonly resources: Readonly<Record<string, CfnResource>>;
  readonly scope: ResolveScope;
  readonly assemblyDir: string;
  readonly model: ModelUnderConstruction;
  namesOf(id: string): LocalNames;
  /** Lambda integration id → function name. */
  readonly integrations: Map<string, string>;
  readonly authorizers: Map<string, LocalAuthorizer>;
  /** Functions that only back CloudFormation custom resources: the local cloud performs their effect itself. */
  readonly customResourceProviders: ReadonlySet<string>;
}

export interface ResourceInput {
  readonly id: string;
  readonly resource: CfnResource;
  /** "<stack>/<id> (<type>)", for errors. */
  readonly where: string;
  /** The properties with every intrinsic resolved. */
  readonly props: Record<string, unknown>;
  readonly ref: string;
}

export interface ResourceTranslator {
  /** Its local name, Ref and attributes (pass 1); without it, `local-<id>`. */
  readonly names?: (input: NamingInput) => LocalNames;
  /** What it adds to the model (pass 2, in template order). */
  readonly translate?: (input: ResourceInput, stack: StackTranslation) => void;
  /** What needs the rest of its stack translated first (pass 3, in template order). */
  readonly link?: (input: ResourceInput, stack: StackTranslation) => void;
}

export const arn = (service: string, resourcePart: string) =>
  `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${resourcePart}`;
